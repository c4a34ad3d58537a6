package io.tokenwarden.recommend;

import io.tokenwarden.pricing.CatalogModel;
import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.usecase.UseCaseSettings;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A use case's events over the trailing window, with the catalog to price them. Every price a
 * detector needs goes through {@link CatalogSnapshot#quote}, the calculator ingestion uses.
 */
record UseCaseWindow(
        UseCaseSettings settings, List<WindowEvent> events, int windowDays, CatalogSnapshot catalog, ZoneId zone) {

    static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

    /** Window figure x 30 / window days, exact to 12 places. */
    BigDecimal monthly(BigDecimal windowFigure) {
        return windowFigure
                .multiply(DAYS_PER_MONTH)
                .divide(BigDecimal.valueOf(windowDays), 12, java.math.RoundingMode.HALF_EVEN);
    }

    /** The price of {@code usage} on {@code model} at the event's time, keeping the event's tier and geo. */
    BigDecimal price(WindowEvent event, String model, TokenUsage usage) {
        TokenUsage sameTier =
                usage.with(event.usage().serviceTier(), event.usage().inferenceGeo());
        if (!model.equals(event.model())) {
            // On another model the request is one plain call at standard speed: its iterations and fast mode
            // belong to the model it ran on.
            sameTier = sameTier.withoutIterations().withSpeed(TokenUsage.STANDARD_SPEED);
        }
        return Optional.ofNullable(
                        catalog.quote(model, event.occurredAt(), sameTier).cost())
                .orElse(BigDecimal.ZERO);
    }

    /** The event itself on another service tier (its geo kept). */
    BigDecimal priceAs(WindowEvent event, ServiceTier tier) {
        TokenUsage usage = event.usage().with(tier, event.usage().inferenceGeo());
        return Optional.ofNullable(
                        catalog.quote(event.model(), event.occurredAt(), usage).cost())
                .orElse(BigDecimal.ZERO);
    }

    /** A call Tokenwarden proposes (a summary, say), priced at standard tier and global geo. */
    BigDecimal priceStandard(WindowEvent event, String model, TokenUsage usage) {
        return Optional.ofNullable(
                        catalog.quote(model, event.occurredAt(), usage).cost())
                .orElse(BigDecimal.ZERO);
    }

    Optional<CatalogModel> model(String id) {
        return catalog.resolve(id);
    }

    /** The model one tier routes to (haiku, sonnet, opus), from the catalog's routing-target flags. */
    Optional<CatalogModel> routingTarget(String tier) {
        return catalog.routingTargets().stream()
                .filter(m -> tier.equals(m.tier()))
                .findFirst();
    }

    static TokenUsage input(long tokens) {
        return TokenUsage.of(tokens, 0);
    }

    static TokenUsage output(long tokens) {
        return TokenUsage.of(0, tokens);
    }

    static TokenUsage cacheWrite(long tokens, boolean oneHour) {
        return TokenUsage.of(0, 0).withCacheWrites(oneHour ? 0 : tokens, oneHour ? tokens : 0);
    }

    static TokenUsage cacheRead(long tokens) {
        return TokenUsage.of(0, 0).withCacheReads(tokens);
    }

    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO;
        }
        List<BigDecimal> sorted =
                values.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
