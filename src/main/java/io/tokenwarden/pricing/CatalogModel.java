package io.tokenwarden.pricing;

import java.math.BigDecimal;

/** A model of the catalog. {@code tier} is null for models an admin added without one. */
public record CatalogModel(String id, String tier, int minCacheableTokens, BigDecimal usGeoMultiplier,
                           boolean routingTarget) {
}
