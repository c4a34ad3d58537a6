package io.tokenwarden.pricing;

/** Short constructors for token usages in tests. */
final class Usages {

    private Usages() {}

    static TokenUsage usage(long input, long output) {
        return new TokenUsage(input, output, 0, 0, 0, 0, 0, ServiceTier.STANDARD, InferenceGeo.GLOBAL);
    }

    static TokenUsage cached(long input, long write5m, long write1h, long read, long output) {
        return new TokenUsage(
                input, output, write5m + write1h, read, write5m, write1h, 0, ServiceTier.STANDARD, InferenceGeo.GLOBAL);
    }

    static TokenUsage webSearch(long input, long output, long searches) {
        return new TokenUsage(input, output, 0, 0, 0, 0, searches, ServiceTier.STANDARD, InferenceGeo.GLOBAL);
    }
}
