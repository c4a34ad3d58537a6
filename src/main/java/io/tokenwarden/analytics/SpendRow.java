package io.tokenwarden.analytics;

/** One group of the spend report; token sums are exact integers, cost an exact decimal string. */
record SpendRow(String key, long requests, long inputTokens, long outputTokens, long cacheCreationInputTokens,
                long cacheReadInputTokens, String costUsd) {
}
