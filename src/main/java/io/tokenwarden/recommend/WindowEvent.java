package io.tokenwarden.recommend;

import io.tokenwarden.pricing.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;

/** One event of a use case's analysis window, as the detectors see it. */
record WindowEvent(Instant occurredAt, String model, TokenUsage usage, String taskType, String latencyClass,
                   String prefixHash, Long prefixTokens, String conversationId, Integer turn,
                   BigDecimal businessUnits, BigDecimal qualityScore) {

    boolean hasCacheActivity() {
        return usage.cacheCreation() > 0 || usage.cacheRead() > 0;
    }
}
