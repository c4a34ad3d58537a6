package io.tokenwarden.recommend;

import io.tokenwarden.pricing.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;

/** One event of a use case's analysis window, as the detectors see it. */
record WindowEvent(
        Instant occurredAt,
        String model,
        TokenUsage usage,
        String taskType,
        String latencyClass,
        String prefixHash,
        Long prefixTokens,
        String conversationId,
        Integer turn,
        BigDecimal businessUnits,
        BigDecimal qualityScore,
        GatewayEvidence gateway,
        CacheMiss cacheMiss) {

    WindowEvent(
            Instant occurredAt,
            String model,
            TokenUsage usage,
            String taskType,
            String latencyClass,
            String prefixHash,
            Long prefixTokens,
            String conversationId,
            Integer turn,
            BigDecimal businessUnits,
            BigDecimal qualityScore) {
        this(
                occurredAt,
                model,
                usage,
                taskType,
                latencyClass,
                prefixHash,
                prefixTokens,
                conversationId,
                turn,
                businessUnits,
                qualityScore,
                GatewayEvidence.NONE,
                CacheMiss.NONE);
    }

    /** Anthropic's own diagnosis of a cache miss (diagnostics.cache_miss_reason): its type and the tokens it cost. */
    record CacheMiss(String type, Long missedInputTokens) {
        static final CacheMiss NONE = new CacheMiss(null, null);
    }

    boolean hasCacheActivity() {
        return usage.cacheCreation() > 0 || usage.cacheRead() > 0;
    }

    /**
     * What the gateway derived from the request (tags {@code tw_*}): whether {@code prefixTokens} was measured or
     * estimated, and the raw and masked hashes of the system prompt with the offsets of what was masked.
     */
    record GatewayEvidence(String prefixTokensSource, String systemHash, String systemMaskedHash, String maskedAt) {
        static final GatewayEvidence NONE = new GatewayEvidence(null, null, null, null);
    }
}
