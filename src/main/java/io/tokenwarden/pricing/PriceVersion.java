package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One effective-dated price version of a model at one speed ({@code standard} or {@code fast}).
 * {@code longContextThreshold} and {@code longContext} are both null or both set. A withdrawn version has
 * no rates: from its {@code effectiveFrom} on, that speed of the model has no price in force.
 */
public record PriceVersion(
        long id,
        String modelId,
        String speed,
        Instant effectiveFrom,
        Rates standard,
        Long longContextThreshold,
        Rates longContext,
        BigDecimal batchMultiplier,
        BigDecimal webSearchPerRequest,
        boolean withdrawn,
        String source) {

    /** A standard-speed version in force from {@code effectiveFrom}, as an admin adds one. */
    public PriceVersion(
            long id,
            String modelId,
            Instant effectiveFrom,
            Rates standard,
            Long longContextThreshold,
            Rates longContext,
            BigDecimal batchMultiplier,
            BigDecimal webSearchPerRequest) {
        this(
                id,
                modelId,
                TokenUsage.STANDARD_SPEED,
                effectiveFrom,
                standard,
                longContextThreshold,
                longContext,
                batchMultiplier,
                webSearchPerRequest,
                false,
                null);
    }

    /** The long-prompt rates above the threshold, judged on this part's input, cache writes and cache reads. */
    Rates ratesFor(TokenUsage usage) {
        boolean longContextApplies = longContextThreshold != null && usage.totalInput() > longContextThreshold;
        return longContextApplies ? longContext : standard;
    }

    /** Same prices and speed; used to tell whether a catalog row changed. */
    boolean samePricesAs(PriceVersion other) {
        return withdrawn == other.withdrawn
                && speed.equals(other.speed)
                && effectiveFrom.equals(other.effectiveFrom)
                && java.util.Objects.equals(standard, other.standard)
                && java.util.Objects.equals(longContextThreshold, other.longContextThreshold)
                && java.util.Objects.equals(longContext, other.longContext)
                && batchMultiplier.compareTo(other.batchMultiplier) == 0
                && webSearchPerRequest.compareTo(other.webSearchPerRequest) == 0;
    }
}
