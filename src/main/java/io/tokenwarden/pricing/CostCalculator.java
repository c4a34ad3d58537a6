package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * DESIGN.md section 2 and PRICING.md's rules, in exact decimal arithmetic: every step is a multiplication,
 * an addition or a shift of the decimal point, so no rounding ever happens. The cost of one part (a request,
 * or one of its iterations) is the sum of its token terms, each carrying the batch and geo factors, so a
 * breakdown always adds up exactly.
 */
final class CostCalculator {

    private CostCalculator() {}

    /** Token terms of one part at one version: input, cache_write_5m, cache_write_1h, cache_read, output. */
    static Map<TokenType, BigDecimal> tokenTerms(
            CatalogModel model, PriceVersion version, TokenUsage part, boolean batch) {
        Rates rates = version.ratesFor(part);
        BigDecimal factor = BigDecimal.ONE;
        if (batch) {
            factor = factor.multiply(version.batchMultiplier());
        }
        if (part.inferenceGeo() == InferenceGeo.US && model.usGeoMultiplier() != null) {
            factor = factor.multiply(model.usGeoMultiplier());
        }
        Map<TokenType, BigDecimal> terms = new EnumMap<>(TokenType.class);
        terms.put(TokenType.INPUT, term(part.input(), rates.input(), factor));
        terms.put(TokenType.CACHE_WRITE_5M, term(part.cacheWrite5m(), rates.cacheWrite5m(), factor));
        terms.put(TokenType.CACHE_WRITE_1H, term(part.cacheWrite1h(), rates.cacheWrite1h(), factor));
        terms.put(TokenType.CACHE_READ, term(part.cacheRead(), rates.cacheRead(), factor));
        terms.put(TokenType.OUTPUT, term(part.output(), rates.output(), factor));
        return terms;
    }

    /** Server-tool fees: per request, not scaled by tier or geo. web_fetch has no fee. */
    static BigDecimal webSearchFee(PriceVersion version, long requests) {
        return BigDecimal.valueOf(requests).multiply(version.webSearchPerRequest());
    }

    private static BigDecimal term(long tokens, BigDecimal perMillion, BigDecimal factor) {
        return BigDecimal.valueOf(tokens).multiply(perMillion).movePointLeft(6).multiply(factor);
    }
}
