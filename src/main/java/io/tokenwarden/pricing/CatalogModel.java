package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A model of the catalog. {@code tier} is null for models an admin added without one. The life dates are
 * null where unknown; a model is retired from {@code retiredOn} on.
 */
public record CatalogModel(
        String id,
        String tier,
        int minCacheableTokens,
        BigDecimal usGeoMultiplier,
        boolean routingTarget,
        LocalDate releasedOn,
        LocalDate deprecatedOn,
        LocalDate retiredOn,
        String source) {

    /** The model tiers, cheapest first. */
    public static final List<String> TIERS = List.of("haiku", "sonnet", "opus", "frontier");

    public CatalogModel(
            String id, String tier, int minCacheableTokens, BigDecimal usGeoMultiplier, boolean routingTarget) {
        this(id, tier, minCacheableTokens, usGeoMultiplier, routingTarget, null, null, null, null);
    }

    public boolean deprecatedOn(LocalDate day) {
        return deprecatedOn != null && !day.isBefore(deprecatedOn);
    }
}
