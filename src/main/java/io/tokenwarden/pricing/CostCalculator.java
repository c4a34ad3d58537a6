package io.tokenwarden.pricing;

import java.math.BigDecimal;

/**
 * DESIGN.md section 2, in exact decimal arithmetic: every step is a multiplication, an addition or
 * a shift of the decimal point, so no rounding ever happens.
 */
final class CostCalculator {

    private CostCalculator() {
    }

    static BigDecimal cost(CatalogModel model, PriceVersion version, TokenUsage usage) {
        Rates rates = version.ratesFor(usage);
        BigDecimal tokens = term(usage.input(), rates.input())
                .add(term(usage.cacheWrite5m(), rates.cacheWrite5m()))
                .add(term(usage.cacheWrite1h(), rates.cacheWrite1h()))
                .add(term(usage.cacheRead(), rates.cacheRead()))
                .add(term(usage.output(), rates.output()))
                .movePointLeft(6);
        if (usage.serviceTier() == ServiceTier.BATCH) {
            tokens = tokens.multiply(version.batchMultiplier());
        }
        if (usage.inferenceGeo() == InferenceGeo.US && model.usGeoMultiplier() != null) {
            tokens = tokens.multiply(model.usGeoMultiplier());
        }
        return tokens.add(BigDecimal.valueOf(usage.webSearchRequests()).multiply(version.webSearchPerRequest()));
    }

    private static BigDecimal term(long tokens, BigDecimal perMillion) {
        return BigDecimal.valueOf(tokens).multiply(perMillion);
    }
}
