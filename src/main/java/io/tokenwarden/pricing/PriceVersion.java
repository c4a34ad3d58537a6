package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One effective-dated price version of a model. {@code longContextThreshold} and
 * {@code longContext} are both null or both set.
 */
public record PriceVersion(long id, String modelId, Instant effectiveFrom, Rates standard,
                           Long longContextThreshold, Rates longContext,
                           BigDecimal batchMultiplier, BigDecimal webSearchPerRequest) {

    Rates ratesFor(TokenUsage usage) {
        boolean longContextApplies = longContextThreshold != null && usage.totalInput() > longContextThreshold;
        return longContextApplies ? longContext : standard;
    }
}
