package io.tokenwarden.ingest;

import io.tokenwarden.pricing.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One event that passed validation, as it will be stored. */
record UsageEventInput(
        String eventId,
        Instant occurredAt,
        String useCase,
        String model,
        TokenUsage usage,
        String taskType,
        String latencyClass,
        String prefixHash,
        Long prefixTokens,
        String conversationId,
        Integer conversationTurn,
        BigDecimal businessUnits,
        BigDecimal qualityScore,
        Map<String, String> tags,
        CacheMiss cacheMiss) {

    /** Anthropic's diagnostics.cache_miss_reason: why the prompt cache missed, and how many tokens that cost. */
    record CacheMiss(String type, Long missedInputTokens) {
        static final CacheMiss NONE = new CacheMiss(null, null);
    }
}
