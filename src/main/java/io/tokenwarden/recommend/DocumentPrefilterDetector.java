package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.UseCaseWindow.map;

import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md 4.6: whole documents in, short answers out (median total input >= 20,000 tokens and
 * median output / total input <= 0.02). Retrieval sending 20% of the uncached input saves 80% of it.
 */
@Component
class DocumentPrefilterDetector implements Detector {

    static final BigDecimal MIN_MEDIAN_INPUT = BigDecimal.valueOf(20_000);
    static final BigDecimal MAX_OUTPUT_RATIO = new BigDecimal("0.02");
    private static final BigDecimal SAVED = new BigDecimal("0.8");

    @Override
    public Kind kind() {
        return Kind.DOCUMENT_PREFILTER;
    }

    @Override
    public Optional<Finding> detect(UseCaseWindow window) {
        List<WindowEvent> events =
                window.events().stream().filter(e -> e.usage().totalInput() > 0).toList();
        BigDecimal medianInput = UseCaseWindow.median(events.stream()
                .map(e -> BigDecimal.valueOf(e.usage().totalInput()))
                .toList());
        BigDecimal medianRatio = UseCaseWindow.median(events.stream()
                .map(e -> BigDecimal.valueOf(e.usage().output())
                        .divide(BigDecimal.valueOf(e.usage().totalInput()), 12, RoundingMode.HALF_EVEN))
                .toList());
        if (events.isEmpty()
                || medianInput.compareTo(MIN_MEDIAN_INPUT) < 0
                || medianRatio.compareTo(MAX_OUTPUT_RATIO) > 0) {
            return Optional.empty();
        }
        BigDecimal inputCost = events.stream()
                .map(e ->
                        window.price(e, e.model(), UseCaseWindow.input(e.usage().input())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal saving = SAVED.multiply(inputCost);
        if (saving.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                kind(),
                "Send only the relevant parts of documents in "
                        + window.settings().useCase(),
                "medium",
                window.monthly(saving),
                map(
                        "events",
                        events.size(),
                        "median_total_input_tokens",
                        medianInput,
                        "median_output_to_input_ratio",
                        medianRatio,
                        "uncached_input_cost_usd",
                        Money.format(inputCost),
                        "window_savings_usd",
                        Money.format(saving)),
                map(
                        "retrieval_keeps",
                        "20% of the uncached input",
                        "min_median_input_tokens",
                        MIN_MEDIAN_INPUT,
                        "max_output_ratio",
                        MAX_OUTPUT_RATIO,
                        "window_days",
                        window.windowDays()),
                HowTo.prefilter()));
    }
}
