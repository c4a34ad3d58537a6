package io.tokenwarden.pricing;

import java.util.List;

/**
 * The billable part of one Messages API usage object. Counts are Anthropic's additive ones:
 * {@code input} excludes cache writes and reads. {@code cacheWrite5m + cacheWrite1h} always equals
 * {@code cacheCreation}; without a cache_creation split every write is a 5-minute write.
 *
 * <p>When {@code iterations} is not empty the request had several sampling steps (compaction, an advisor):
 * the counts here are then their sums, and the cost is summed over the iterations, each at its own model.
 */
public record TokenUsage(
        long input,
        long output,
        long cacheCreation,
        long cacheRead,
        long cacheWrite5m,
        long cacheWrite1h,
        long webSearchRequests,
        ServiceTier serviceTier,
        InferenceGeo inferenceGeo,
        String speed,
        List<Iteration> iterations) {

    public static final String STANDARD_SPEED = "standard";

    public TokenUsage {
        if (input < 0
                || output < 0
                || cacheCreation < 0
                || cacheRead < 0
                || cacheWrite5m < 0
                || cacheWrite1h < 0
                || webSearchRequests < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        if (cacheWrite5m + cacheWrite1h != cacheCreation) {
            throw new IllegalArgumentException("cache write split must add up to cacheCreation");
        }
        speed = speed == null ? STANDARD_SPEED : speed;
        iterations = iterations == null ? List.of() : List.copyOf(iterations);
    }

    /** Uncached input and output only, at standard tier, speed and geo: the start of every named construction. */
    public static TokenUsage of(long input, long output) {
        return new TokenUsage(
                input, output, 0, 0, 0, 0, 0, ServiceTier.STANDARD, InferenceGeo.GLOBAL, STANDARD_SPEED, List.of());
    }

    /** These counts plus cache writes: 5-minute and 1-hour (their sum is {@code cacheCreation}). */
    public TokenUsage withCacheWrites(long fiveMinute, long oneHour) {
        return new TokenUsage(
                input,
                output,
                cacheCreation + fiveMinute + oneHour,
                cacheRead,
                cacheWrite5m + fiveMinute,
                cacheWrite1h + oneHour,
                webSearchRequests,
                serviceTier,
                inferenceGeo,
                speed,
                iterations);
    }

    /** These counts plus cache reads. */
    public TokenUsage withCacheReads(long tokens) {
        return new TokenUsage(
                input,
                output,
                cacheCreation,
                cacheRead + tokens,
                cacheWrite5m,
                cacheWrite1h,
                webSearchRequests,
                serviceTier,
                inferenceGeo,
                speed,
                iterations);
    }

    /** These counts plus web searches. */
    public TokenUsage withWebSearches(long requests) {
        return new TokenUsage(
                input,
                output,
                cacheCreation,
                cacheRead,
                cacheWrite5m,
                cacheWrite1h,
                webSearchRequests + requests,
                serviceTier,
                inferenceGeo,
                speed,
                iterations);
    }

    /** Input as the long-context threshold counts it: uncached input, cache writes and cache reads. */
    public long totalInput() {
        return input + cacheCreation + cacheRead;
    }

    /** Same token counts, other tier and geo: what a recommendation prices as "projected". */
    public TokenUsage with(ServiceTier tier, InferenceGeo geo) {
        return new TokenUsage(
                input,
                output,
                cacheCreation,
                cacheRead,
                cacheWrite5m,
                cacheWrite1h,
                webSearchRequests,
                tier,
                geo,
                speed,
                iterations);
    }

    public TokenUsage withSpeed(String otherSpeed) {
        return new TokenUsage(
                input,
                output,
                cacheCreation,
                cacheRead,
                cacheWrite5m,
                cacheWrite1h,
                webSearchRequests,
                serviceTier,
                inferenceGeo,
                otherSpeed,
                iterations);
    }

    /** The same request with its iterations dropped: its sums priced at one model (a routing projection). */
    public TokenUsage withoutIterations() {
        return new TokenUsage(
                input,
                output,
                cacheCreation,
                cacheRead,
                cacheWrite5m,
                cacheWrite1h,
                webSearchRequests,
                serviceTier,
                inferenceGeo,
                speed,
                List.of());
    }

    /** One iteration's counts as a usage of its own, with this request's tier, geo and speed. */
    TokenUsage part(Iteration it) {
        return new TokenUsage(
                it.input(),
                it.output(),
                it.cacheCreation(),
                it.cacheRead(),
                it.cacheWrite5m(),
                it.cacheWrite1h(),
                0,
                serviceTier,
                inferenceGeo,
                speed,
                List.of());
    }
}
