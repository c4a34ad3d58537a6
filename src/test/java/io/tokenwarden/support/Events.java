package io.tokenwarden.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds event JSON for tests; every field can be overridden or removed. */
public final class Events {

    private final Map<String, Object> event = new LinkedHashMap<>();
    private final Map<String, Object> usage = new LinkedHashMap<>();

    private Events(String eventId) {
        event.put("event_id", eventId);
        event.put("occurred_at", "2026-11-02T10:15:30Z");
        event.put("use_case", "document_processing");
        event.put("model", "claude-sonnet-4-5-20250929");
        usage.put("input_tokens", 1000);
        usage.put("output_tokens", 100);
        event.put("usage", usage);
    }

    public static Events event(String eventId) {
        return new Events(eventId);
    }

    /**
     * An event that costs exactly {@code dollars}: input tokens on claude-haiku-4-5 at $1 per million,
     * no output.
     */
    public static Events costing(String eventId, String useCase, String occurredAt, String dollars) {
        long tokens = new java.math.BigDecimal(dollars).movePointRight(6).longValueExact();
        return new Events(eventId)
                .with("use_case", useCase)
                .with("occurred_at", occurredAt)
                .with("model", "claude-haiku-4-5")
                .usage("input_tokens", tokens)
                .usage("output_tokens", 0);
    }

    public Events with(String field, Object value) {
        event.put(field, value);
        return this;
    }

    public Events without(String field) {
        event.remove(field);
        return this;
    }

    public Events usage(String field, Object value) {
        usage.put(field, value);
        return this;
    }

    public Map<String, Object> toMap() {
        return event;
    }
}
