package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.UseCaseWindow.map;

import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md 4.4: background work not sent through the Batch API saves its batch discount. Without
 * any latency class, a use case with at least 95% of requests between 00:00 and 06:00 is a
 * low-confidence candidate.
 */
@Component
class BatchApiDetector implements Detector {

    @Override
    public Kind kind() {
        return Kind.BATCH_API;
    }

    @Override
    public Optional<Finding> detect(UseCaseWindow window) {
        String useCaseLatency = window.settings().latencyClass();
        boolean anyLatency = useCaseLatency != null || window.events().stream().anyMatch(e -> e.latencyClass() != null);
        List<WindowEvent> candidates;
        String confidence;
        if (anyLatency) {
            candidates = window.events().stream()
                    .filter(e -> !isBatch(e))
                    .filter(e -> "background".equals(e.latencyClass() != null ? e.latencyClass() : useCaseLatency))
                    .toList();
            confidence = "high";
        } else {
            long night = window.events().stream()
                    .filter(e -> e.occurredAt().atZone(window.zone()).getHour() < 6)
                    .count();
            boolean nightly =
                    !window.events().isEmpty() && night * 100 >= window.events().size() * 95L;
            candidates =
                    nightly ? window.events().stream().filter(e -> !isBatch(e)).toList() : List.of();
            confidence = "low";
        }
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal projected = BigDecimal.ZERO;
        for (WindowEvent e : candidates) {
            current = current.add(window.price(e, e.model(), e.usage()));
            projected = projected.add(window.priceAs(e, ServiceTier.BATCH));
        }
        BigDecimal saving = current.subtract(projected);
        if (saving.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                kind(),
                "Send %s's background work through the Batch API"
                        .formatted(window.settings().useCase()),
                confidence,
                window.monthly(saving),
                map(
                        "events",
                        window.events().size(),
                        "batchable_events",
                        candidates.size(),
                        "current_cost_usd",
                        Money.format(current),
                        "projected_cost_usd",
                        Money.format(projected),
                        "window_savings_usd",
                        Money.format(saving)),
                map(
                        "batch_discount",
                        "the catalog's batch multiplier (0.5) on token cost",
                        "candidates",
                        anyLatency
                                ? "latency_class background (event, else use case)"
                                : "at least 95% of requests between 00:00 and 06:00 in " + window.zone(),
                        "window_days",
                        window.windowDays()),
                HowTo.batch()));
    }

    private static boolean isBatch(WindowEvent e) {
        return e.usage().serviceTier().isBatch();
    }
}
