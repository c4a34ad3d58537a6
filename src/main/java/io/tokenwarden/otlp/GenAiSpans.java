package io.tokenwarden.otlp;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spans with OpenTelemetry GenAI usage attributes, as Tokenwarden usage events. OpenTelemetry's
 * gen_ai.usage.input_tokens includes cache reads and writes; Anthropic's input_tokens does not,
 * so the cache counts are taken out of it. Spans without usage are not LLM calls and are skipped.
 */
final class GenAiSpans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GenAiSpans() {
    }

    static List<JsonNode> events(ExportTraceServiceRequest request) {
        List<JsonNode> events = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, AnyValue> resource = attributes(resourceSpans.getResource());
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    toEvent(span, resource).ifPresent(events::add);
                }
            }
        }
        return events;
    }

    private static Optional<JsonNode> toEvent(Span span, Map<String, AnyValue> resource) {
        Map<String, AnyValue> a = attributes(span.getAttributesList());
        Optional<Long> total = integer(a, "gen_ai.usage.input_tokens");
        Optional<Long> output = integer(a, "gen_ai.usage.output_tokens");
        if (total.isEmpty() && output.isEmpty()) {
            return Optional.empty();
        }
        long read = integer(a, "gen_ai.usage.cache_read.input_tokens")
                .or(() -> integer(a, "gen_ai.usage.cache_read_input_tokens")).orElse(0L);
        long creation = integer(a, "gen_ai.usage.cache_creation.input_tokens")
                .or(() -> integer(a, "gen_ai.usage.cache_creation_input_tokens")).orElse(0L);
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", hex(span.getTraceId().toByteArray()) + ":" + hex(span.getSpanId().toByteArray()));
        long nanos = span.getEndTimeUnixNano() != 0 ? span.getEndTimeUnixNano() : span.getStartTimeUnixNano();
        event.put("occurred_at", Instant.ofEpochSecond(0, nanos).toString());
        event.put("use_case", useCase(a, resource));
        text(a, "gen_ai.response.model").or(() -> text(a, "gen_ai.request.model")).ifPresent(m -> event.put("model", m));
        ObjectNode usage = event.putObject("usage");
        usage.put("input_tokens", Math.max(0, total.orElse(0L) - read - creation));
        usage.put("output_tokens", output.orElse(0L));
        usage.put("cache_read_input_tokens", read);
        usage.put("cache_creation_input_tokens", creation);
        text(a, "tokenwarden.task_type").ifPresent(t -> event.put("task_type", t));
        return Optional.of(event);
    }

    /** tokenwarden.use_case on the span or resource, else service.name made a valid use-case name. */
    private static String useCase(Map<String, AnyValue> span, Map<String, AnyValue> resource) {
        String name = text(span, "tokenwarden.use_case").or(() -> text(resource, "tokenwarden.use_case"))
                .or(() -> text(resource, "service.name")).orElse("unknown_service");
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "svc" + cleaned : cleaned;
    }

    private static Map<String, AnyValue> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, AnyValue> attributes(List<KeyValue> list) {
        Map<String, AnyValue> map = new HashMap<>();
        list.forEach(kv -> map.put(kv.getKey(), kv.getValue()));
        return map;
    }

    private static Optional<Long> integer(Map<String, AnyValue> a, String key) {
        AnyValue value = a.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.hasIntValue()) {
            return Optional.of(value.getIntValue());
        }
        if (value.hasStringValue() && value.getStringValue().matches("\\d{1,12}")) {
            return Optional.of(Long.parseLong(value.getStringValue()));
        }
        return Optional.empty();
    }

    private static Optional<String> text(Map<String, AnyValue> a, String key) {
        AnyValue value = a.get(key);
        return value != null && value.hasStringValue() ? Optional.of(value.getStringValue()) : Optional.empty();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
