package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.UseCaseWindow.map;

import io.tokenwarden.pricing.CatalogModel;
import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Traffic on a model that is retired, deprecated or dearer than today's routing target of its own tier: the same
 * tokens priced on that target (like routing, but within the tier). The model with the largest saving is named.
 */
@Component
class ModelMigrationDetector implements Detector {

    @Override
    public Kind kind() {
        return Kind.MODEL_MIGRATION;
    }

    @Override
    public Optional<Finding> detect(UseCaseWindow window) {
        Map<String, Moved> moved = new TreeMap<>();
        for (WindowEvent e : window.events()) {
            Optional<CatalogModel> model = window.model(e.model());
            Optional<CatalogModel> target = model.map(CatalogModel::tier).flatMap(window::routingTarget);
            if (model.isEmpty()
                    || target.isEmpty()
                    || model.get().id().equals(target.get().id())) {
                continue;
            }
            BigDecimal now = window.price(e, e.model(), e.usage());
            BigDecimal then = window.price(e, target.get().id(), e.usage());
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC);
            // A model with a retirement date is on its way out, whether that date has come yet or not.
            boolean outdated = model.get().retiredOn() != null || model.get().deprecatedOn(day);
            if (outdated || then.compareTo(now) < 0) {
                moved.computeIfAbsent(model.get().id(), id -> new Moved(model.get(), target.get()))
                        .add(now, then);
            }
        }
        BigDecimal current = moved.values().stream().map(m -> m.current).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal projected = moved.values().stream().map(m -> m.projected).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal saving = current.subtract(projected);
        if (moved.isEmpty() || saving.signum() <= 0) {
            return Optional.empty();
        }
        Moved main = moved.values().stream()
                .max((a, b) -> a.saving().compareTo(b.saving()))
                .orElseThrow();
        return Optional.of(new Finding(
                kind(),
                "Move %s from %s to %s".formatted(window.settings().useCase(), main.from.id(), main.to.id()),
                "high",
                window.monthly(saving),
                evidence(moved, current, projected, saving),
                map(
                        "target_model",
                        main.to.id(),
                        "from_model",
                        main.from.id(),
                        "window_days",
                        window.windowDays(),
                        "rule",
                        "a model retired, deprecated or dearer than its tier's routing target moves to that "
                                + "target; the same tokens priced at the target's prices",
                        "overlap",
                        "when model_routing covers the same traffic, the larger of the two savings counts"),
                HowTo.migration(main.from.id(), main.to.id())));
    }

    private static Map<String, Object> evidence(
            Map<String, Moved> moved, BigDecimal current, BigDecimal projected, BigDecimal saving) {
        Map<String, Object> models = new LinkedHashMap<>();
        moved.forEach((id, m) -> models.put(
                id,
                map(
                        "events",
                        m.events,
                        "target_model",
                        m.to.id(),
                        "retired_on",
                        m.from.retiredOn() == null ? null : m.from.retiredOn().toString(),
                        "deprecated_on",
                        m.from.deprecatedOn() == null
                                ? null
                                : m.from.deprecatedOn().toString(),
                        "current_cost_usd",
                        Money.format(m.current),
                        "projected_cost_usd",
                        Money.format(m.projected))));
        return map(
                "models",
                models,
                "events",
                moved.values().stream().mapToLong(m -> m.events).sum(),
                "current_cost_usd",
                Money.format(current),
                "projected_cost_usd",
                Money.format(projected),
                "window_savings_usd",
                Money.format(saving));
    }

    /** The events of one model that would move, and their cost now and on the target. */
    private static final class Moved {
        final CatalogModel from;
        final CatalogModel to;
        long events;
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal projected = BigDecimal.ZERO;

        Moved(CatalogModel from, CatalogModel to) {
            this.from = from;
            this.to = to;
        }

        void add(BigDecimal now, BigDecimal then) {
            events++;
            current = current.add(now);
            projected = projected.add(then);
        }

        BigDecimal saving() {
            return current.subtract(projected);
        }
    }
}
