package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DESIGN.md section 2, in exact decimal arithmetic: every step is a multiplication, an addition or
 * a shift of the decimal point, so no rounding ever happens. The cost is the sum of its parts, one
 * per token type, each carrying the batch and geo factors, so a breakdown always adds up exactly.
 */
final class CostCalculator {

    private CostCalculator() {
    }

    static BigDecimal cost(CatalogModel model, PriceVersion version, TokenUsage usage) {
        return breakdown(model, version, usage).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Cost by token type: input, cache_write_5m, cache_write_1h, cache_read, output, web_search. */
    static Map<TokenType, BigDecimal> breakdown(CatalogModel model, PriceVersion version, TokenUsage usage) {
        Rates rates = version.ratesFor(usage);
        BigDecimal factor = BigDecimal.ONE;
        if (usage.serviceTier() == ServiceTier.BATCH) {
            factor = factor.multiply(version.batchMultiplier());
        }
        if (usage.inferenceGeo() == InferenceGeo.US && model.usGeoMultiplier() != null) {
            factor = factor.multiply(model.usGeoMultiplier());
        }
        Map<TokenType, BigDecimal> parts = new LinkedHashMap<>();
        parts.put(TokenType.INPUT, term(usage.input(), rates.input(), factor));
        parts.put(TokenType.CACHE_WRITE_5M, term(usage.cacheWrite5m(), rates.cacheWrite5m(), factor));
        parts.put(TokenType.CACHE_WRITE_1H, term(usage.cacheWrite1h(), rates.cacheWrite1h(), factor));
        parts.put(TokenType.CACHE_READ, term(usage.cacheRead(), rates.cacheRead(), factor));
        parts.put(TokenType.OUTPUT, term(usage.output(), rates.output(), factor));
        parts.put(TokenType.WEB_SEARCH, BigDecimal.valueOf(usage.webSearchRequests()).multiply(version.webSearchPerRequest()));
        return parts;
    }

    private static BigDecimal term(long tokens, BigDecimal perMillion, BigDecimal factor) {
        return BigDecimal.valueOf(tokens).multiply(perMillion).movePointLeft(6).multiply(factor);
    }
}
