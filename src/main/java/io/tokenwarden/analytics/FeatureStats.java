package io.tokenwarden.analytics;

import io.tokenwarden.web.UsdAmount;
import java.math.BigDecimal;
import java.util.List;

/**
 * One use case over a period, for its feature page: spend and volume per day, model mix, token mix,
 * the share of input served from cache, and median tokens per request and how many requests came through the
 * gateway (of the last {@value #MEDIAN_SAMPLE} requests in the period).
 */
public record FeatureStats(
        String useCase,
        List<Day> days,
        List<ModelShare> models,
        Tokens tokens,
        BigDecimal cacheHitRate,
        BigDecimal medianInputTokens,
        BigDecimal medianOutputTokens,
        long sampledRequests,
        long gatewayRequests) {

    /** How many of the most recent requests the medians are taken over. */
    public static final int MEDIAN_SAMPLE = 2_000;

    public record Day(String day, long requests, @UsdAmount BigDecimal costUsd) {}

    public record ModelShare(
            String model, long requests, @UsdAmount BigDecimal costUsd) {}

    /** Uncached input, cache writes, cache reads, output. */
    public record Tokens(long input, long cacheWrites, long cacheReads, long output) {}
}
