package io.tokenwarden.pricing;

/** Short constructors for token usages in tests. */
final class Usages {

    private Usages() {}

    static TokenUsage usage(long input, long output) {
        return TokenUsage.of(input, output);
    }

    static TokenUsage cached(long input, long write5m, long write1h, long read, long output) {
        return TokenUsage.of(input, output).withCacheWrites(write5m, write1h).withCacheReads(read);
    }

    static TokenUsage webSearch(long input, long output, long searches) {
        return TokenUsage.of(input, output).withWebSearches(searches);
    }
}
