package io.tokenwarden.otlp;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spans of LLM calls as Tokenwarden usage events, each read by the convention of the producer its
 * instrumentation scope names ({@link Producer}). Spans without token counts are not LLM calls and are skipped.
 */
final class GenAiSpans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GenAiSpans() {}

    static List<JsonNode> events(ExportTraceServiceRequest request) {
        List<JsonNode> events = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, AnyValue> resource =
                    SpanValues.attributes(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    toEvent(span, scope.getScope().getName(), resource).ifPresent(events::add);
                }
            }
        }
        return events;
    }

    private static Optional<JsonNode> toEvent(Span span, String scope, Map<String, AnyValue> resource) {
        Map<String, AnyValue> a = SpanValues.attributes(span.getAttributesList());
        Producer producer = Producer.of(scope, a);
        Optional<Producer.Usage> counts = producer.usage(a);
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode event = JSON.createObjectNode();
        event.put(
                "event_id",
                hex(span.getTraceId().toByteArray()) + ":"
                        + hex(span.getSpanId().toByteArray()));
        long nanos = span.getEndTimeUnixNano() != 0 ? span.getEndTimeUnixNano() : span.getStartTimeUnixNano();
        event.put("occurred_at", Instant.ofEpochSecond(0, nanos).toString());
        event.put("use_case", useCase(a, resource));
        producer.model(a).ifPresent(m -> event.put("model", m));
        ObjectNode usage = event.putObject("usage");
        usage.put("input_tokens", counts.get().input());
        usage.put("output_tokens", counts.get().output());
        usage.put("cache_read_input_tokens", counts.get().cacheRead());
        usage.put("cache_creation_input_tokens", counts.get().cacheWrite());
        SpanValues.text(a, "tokenwarden.task_type").ifPresent(t -> event.put("task_type", t));
        event.putObject("tags").put("otel_producer", producer.wireName());
        return Optional.of(event);
    }

    /** tokenwarden.use_case on the span or resource, else service.name made a valid use-case name. */
    private static String useCase(Map<String, AnyValue> span, Map<String, AnyValue> resource) {
        String name = SpanValues.text(span, "tokenwarden.use_case")
                .or(() -> SpanValues.text(resource, "tokenwarden.use_case"))
                .or(() -> SpanValues.text(resource, "service.name"))
                .orElse("unknown_service");
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "svc" + cleaned : cleaned;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
