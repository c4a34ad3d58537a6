package io.tokenwarden.pricing;

import java.math.BigDecimal;

/**
 * A price version an admin adds. {@code tier}, {@code minCacheableTokens} and {@code usGeoMultiplier}
 * describe the model and are used only when the model is new to the catalog.
 */
record NewPriceVersion(PriceVersion version, String tier, Integer minCacheableTokens, BigDecimal usGeoMultiplier) {}
