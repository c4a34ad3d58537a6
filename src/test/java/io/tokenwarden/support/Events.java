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
