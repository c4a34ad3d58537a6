package io.tokenwarden.ingest;

import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import io.tokenwarden.web.Vocabulary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** API.md's field rules for one usage event. Every broken rule is reported, not only the first. */
@Component
class EventValidator {

    static final long MAX_TOKENS = 100_000_000L;
    private static final BigDecimal MAX_UNITS = new BigDecimal("1000000000000");
    private static final int MAX_TAGS = 20;

    private final Clock clock;
    private final UsageValidator usageValidator = new UsageValidator();

    EventValidator(Clock clock) {
        this.clock = clock;
    }

    Checked<UsageEventInput> validate(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        Optional<JsonFields> read = JsonFields.object(node, "", errors);
        if (read.isEmpty()) {
            return Checked.invalid(null, errors);
        }
        JsonFields event = read.get();
        String eventId = IngestRules.readableId(event, "event_id");
        Instant occurredAt = IngestRules.occurredAt(event, clock);
        String useCase = event.requiredString("use_case", 64, IngestRules.USE_CASE, IngestRules.USE_CASE_HINT);
        String model = event.requiredString("model", 128, null, null);
        TokenUsage usage =
                event.requiredObject("usage").map(usageValidator::validate).orElse(null);
        String taskType = event.optionalString("task_type", 64);
        String latencyClass =
                event.optionalEnum("latency_class", Vocabulary::latencyClass, null, "interactive, background");
        Prompt prompt =
                event.optionalObject("prompt").map(EventValidator::prompt).orElse(Prompt.NONE);
        Conversation conversation = event.optionalObject("conversation")
                .map(EventValidator::conversation)
                .orElse(Conversation.NONE);
        BigDecimal units = event.optionalDecimal("business_units", BigDecimal.ZERO, MAX_UNITS);
        BigDecimal quality = event.optionalDecimal("quality_score", BigDecimal.ZERO, BigDecimal.ONE);
        Map<String, String> tags = tags(event);
        UsageEventInput.CacheMiss cacheMiss = event.optionalObject("diagnostics")
                .map(EventValidator::cacheMiss)
                .orElse(UsageEventInput.CacheMiss.NONE);
        if (!errors.isEmpty()) {
            return Checked.invalid(eventId, errors);
        }
        return Checked.valid(
                new UsageEventInput(
                        eventId,
                        occurredAt,
                        useCase,
                        model,
                        usage,
                        taskType,
                        latencyClass,
                        prompt.hash(),
                        prompt.tokens(),
                        conversation.id(),
                        conversation.turn(),
                        units,
                        quality,
                        tags,
                        cacheMiss),
                eventId);
    }

    private record Prompt(String hash, Long tokens) {
        static final Prompt NONE = new Prompt(null, null);
    }

    private record Conversation(String id, Integer turn) {
        static final Conversation NONE = new Conversation(null, null);
    }

    private static Prompt prompt(JsonFields prompt) {
        String hash = prompt.requiredString("prefix_hash", 128, null, null);
        Long tokens = prompt.requiredInteger("prefix_tokens", 0, MAX_TOKENS);
        return new Prompt(hash, tokens);
    }

    private static Conversation conversation(JsonFields conversation) {
        String id = conversation.requiredString("id", 128, null, null);
        Long turn = conversation.requiredInteger("turn", 1, 1_000_000);
        return new Conversation(id, turn == null ? null : turn.intValue());
    }

    /** diagnostics.cache_miss_reason; other diagnostics fields are ignored, as unknown usage fields are. */
    private static UsageEventInput.CacheMiss cacheMiss(JsonFields diagnostics) {
        return diagnostics
                .optionalObject("cache_miss_reason")
                .map(reason -> new UsageEventInput.CacheMiss(
                        reason.requiredString("type", 64, null, null),
                        reason.optionalInteger("cache_missed_input_tokens", 0, MAX_TOKENS)))
                .orElse(UsageEventInput.CacheMiss.NONE);
    }

    private static Map<String, String> tags(JsonFields event) {
        Optional<JsonFields> tags = event.optionalObject("tags");
        if (tags.isEmpty()) {
            return null;
        }
        JsonNode node = event.raw("tags");
        if (node.size() > MAX_TAGS) {
            event.reject("tags", "must have at most " + MAX_TAGS + " keys");
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> tag : node.properties()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > 64) {
                event.reject("tags", "keys must be 1 to 64 characters");
            } else if (!tag.getValue().isString()
                    || tag.getValue().stringValue().length() > 256) {
                event.reject("tags." + tag.getKey(), "must be a string of at most 256 characters");
            } else {
                values.put(tag.getKey(), tag.getValue().stringValue());
            }
        }
        return values;
    }
}
