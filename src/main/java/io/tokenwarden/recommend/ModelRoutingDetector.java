package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.UseCaseWindow.map;

import io.tokenwarden.pricing.CatalogModel;
import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md 4.3: events on a model above their task's tier, re-priced with the same tokens on the
 * routing target of that tier. Without any task type, short-in short-out use cases count as
 * Haiku tasks, with low confidence.
 */
@Component
class ModelRoutingDetector implements Detector {

    static final BigDecimal SHORT_OUTPUT = BigDecimal.valueOf(32);
    static final BigDecimal SHORT_INPUT = BigDecimal.valueOf(8000);

    @Override
    public Kind kind() {
        return Kind.MODEL_ROUTING;
    }

    @Override
    public Optional<Finding> detect(UseCaseWindow window) {
        Optional<String> defaultTier = TaskTiers.tierOf(window.settings().defaultTaskType());
        boolean anyTaskType = defaultTier.isPresent()
                || window.settings().defaultTaskType() != null
                || window.events().stream().anyMatch(e -> e.taskType() != null);
        boolean fallback = !anyTaskType && shortInShortOut(window.events());
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal projected = BigDecimal.ZERO;
        Map<String, BigDecimal> savingByTarget = new HashMap<>();
        long rerouted = 0;
        boolean allExplicit = true;
        for (WindowEvent e : window.events()) {
            Optional<String> taskTier = fallback
                    ? Optional.of("haiku")
                    : e.taskType() != null ? TaskTiers.tierOf(e.taskType()) : defaultTier;
            Optional<CatalogModel> model = window.model(e.model());
            Optional<CatalogModel> target = taskTier.flatMap(window::routingTarget);
            if (taskTier.isEmpty()
                    || model.isEmpty()
                    || target.isEmpty()
                    || !TaskTiers.above(model.get().tier(), taskTier.get())) {
                continue;
            }
            BigDecimal now = window.price(e, e.model(), e.usage());
            BigDecimal then = window.price(e, target.get().id(), e.usage());
            current = current.add(now);
            projected = projected.add(then);
            savingByTarget.merge(target.get().id(), now.subtract(then), BigDecimal::add);
            allExplicit &= e.taskType() != null;
            rerouted++;
        }
        BigDecimal saving = current.subtract(projected);
        if (rerouted == 0 || saving.signum() <= 0) {
            return Optional.empty();
        }
        String target = savingByTarget.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        String confidence = fallback ? "low" : allExplicit ? "high" : "medium";
        return Optional.of(new Finding(
                kind(),
                "Route %s's simpler requests to %s".formatted(window.settings().useCase(), target),
                confidence,
                window.monthly(saving),
                map(
                        "events",
                        window.events().size(),
                        "rerouted_events",
                        rerouted,
                        "current_cost_usd",
                        Money.format(current),
                        "projected_cost_usd",
                        Money.format(projected),
                        "window_savings_usd",
                        Money.format(saving)),
                map(
                        "target_model",
                        target,
                        "task_tier_from",
                        fallback
                                ? "short prompts and answers (no task types)"
                                : allExplicit ? "task_type" : "task_type or the use case's default_task_type",
                        "window_days",
                        window.windowDays(),
                        "fallback_rule",
                        "median output <= 32 and median total input <= 8000 tokens: Haiku tier"),
                HowTo.routing(target)));
    }

    private static boolean shortInShortOut(List<WindowEvent> events) {
        BigDecimal output = UseCaseWindow.median(
                events.stream().map(e -> BigDecimal.valueOf(e.usage().output())).toList());
        BigDecimal input = UseCaseWindow.median(events.stream()
                .map(e -> BigDecimal.valueOf(e.usage().totalInput()))
                .toList());
        return !events.isEmpty() && output.compareTo(SHORT_OUTPUT) <= 0 && input.compareTo(SHORT_INPUT) <= 0;
    }
}
