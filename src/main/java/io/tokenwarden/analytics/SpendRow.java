package io.tokenwarden.analytics;

import io.tokenwarden.web.UsdAmount;
import java.math.BigDecimal;

/**
 * One group of the spend report; token sums are exact integers, cost an exact decimal string of the
 * priced events. {@code unpricedEvents} (not in API.md's row, added) says how many events the cost leaves out.
 */
public record SpendRow(
        String key,
        long requests,
        long inputTokens,
        long outputTokens,
        long cacheCreationInputTokens,
        long cacheReadInputTokens,
        @UsdAmount BigDecimal costUsd,
        long unpricedEvents) {}
