package io.tokenwarden.pricing;

/**
 * The billable part of one Messages API usage object. Counts are Anthropic's additive ones:
 * {@code input} excludes cache writes and reads. {@code cacheWrite5m + cacheWrite1h} always equals
 * {@code cacheCreation}; without a cache_creation split every write is a 5-minute write.
 */
public record TokenUsage(long input, long output, long cacheCreation, long cacheRead,
                         long cacheWrite5m, long cacheWrite1h, long webSearchRequests,
                         ServiceTier serviceTier, InferenceGeo inferenceGeo) {

    public TokenUsage {
        if (input < 0 || output < 0 || cacheCreation < 0 || cacheRead < 0 || cacheWrite5m < 0
                || cacheWrite1h < 0 || webSearchRequests < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        if (cacheWrite5m + cacheWrite1h != cacheCreation) {
            throw new IllegalArgumentException("cache write split must add up to cacheCreation");
        }
    }

    /** Input as the long-context threshold counts it: uncached input, cache writes and cache reads. */
    public long totalInput() {
        return input + cacheCreation + cacheRead;
    }

    /** Same token counts, other tier and geo: what a recommendation prices as "projected". */
    public TokenUsage with(ServiceTier tier, InferenceGeo geo) {
        return new TokenUsage(input, output, cacheCreation, cacheRead, cacheWrite5m, cacheWrite1h,
                webSearchRequests, tier, geo);
    }
}
