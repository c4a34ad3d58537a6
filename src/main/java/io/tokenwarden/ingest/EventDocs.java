package io.tokenwarden.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of POST /api/v1/events and /api/v1/outcomes as the OpenAPI document shows
 * them. The controller reads bodies by hand (strict types, size limit while reading), so these
 * records only describe; EventValidator holds the rules.
 */
final class EventDocs {

    /** The README's first event, also the spec's example (a test keeps the two equal). */
    static final String README_EXAMPLE = """
            {
              "event_id": "req_001",
              "occurred_at": "2026-11-23T10:15:30Z",
              "use_case": "document_processing",
              "model": "claude-3-7-sonnet-20250219",
              "usage": { "input_tokens": 3, "cache_creation_input_tokens": 12304, "cache_read_input_tokens": 0, "output_tokens": 550 }
            }""";

    private EventDocs() {}

    @Schema(name = "UsageEvent", description = "One Claude call; or send an object with an events array of up to 1,000")
    record UsageEvent(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String eventId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String occurredAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String useCase,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String model,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Usage usage,

            String taskType,
            String latencyClass,
            Prompt prompt,
            Conversation conversation,
            BigDecimal businessUnits,
            BigDecimal qualityScore,
            Map<String, String> tags) {}

    @Schema(name = "Usage", description = "The Messages API usage object as returned; unknown fields are ignored")
    record Usage(
            long inputTokens,
            long outputTokens,
            Long cacheCreationInputTokens,
            Long cacheReadInputTokens,
            CacheCreation cacheCreation,
            ServerToolUse serverToolUse,

            @Schema(allowableValues = {"standard", "priority", "batch"})
            String serviceTier,

            @Schema(allowableValues = {"global", "us", "not_available"})
            String inferenceGeo) {}

    record CacheCreation(
            @JsonProperty("ephemeral_5m_input_tokens") long ephemeral5mInputTokens,
            @JsonProperty("ephemeral_1h_input_tokens") long ephemeral1hInputTokens) {}

    record ServerToolUse(long webSearchRequests) {}

    record Prompt(String prefixHash, long prefixTokens) {}

    record Conversation(String id, int turn) {}

    @Schema(name = "EventBatch")
    record EventBatch(List<UsageEvent> events) {}

    @Schema(name = "Outcome")
    record Outcome(String outcomeId, String occurredAt, String useCase, BigDecimal units) {}
}
