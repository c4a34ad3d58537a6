package io.tokenwarden.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway call as usage events in API.md's shape: one per completed message, {@code event_id} = the message id,
 * the usage as the API returned it, and the evidence derived from the request (hashes and counts only).
 */
final class GatewayEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BATCH_USE_CASE = "batch_results";
    private static final int MAX_TAGS = 20; // as ingestion allows

    private GatewayEvents() {}

    static List<JsonNode> of(GatewayServlet.GatewayCall call, Instant completedAt) {
        Evidence evidence = call.batch() ? Evidence.NONE : Evidence.of(parse(call.requestBody()));
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode message : call.messages()) {
            String id = message.path("id").asString(null);
            if (id == null || !message.path("usage").isObject()) {
                continue;
            }
            events.add(event(call, message, id, evidence, completedAt));
        }
        return events;
    }

    private static ObjectNode event(
            GatewayServlet.GatewayCall call, JsonNode message, String id, Evidence evidence, Instant completedAt) {
        Map<String, String> headers = call.headers();
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", id);
        event.put("occurred_at", completedAt.toString());
        event.put("use_case", headers.getOrDefault(GatewayHeaders.USE_CASE, BATCH_USE_CASE));
        event.put("model", message.path("model").asString(""));
        event.set("usage", message.get("usage").deepCopy());
        putIfPresent(event, "task_type", headers.get(GatewayHeaders.TASK_TYPE));
        putIfPresent(event, "latency_class", headers.get(GatewayHeaders.LATENCY_CLASS));
        businessUnits(headers.get(GatewayHeaders.BUSINESS_UNITS))
                .ifPresent(units -> event.put("business_units", units));
        JsonNode usage = message.get("usage");
        long cached = usage.path("cache_read_input_tokens").asLong(0)
                + usage.path("cache_creation_input_tokens").asLong(0);
        long prompt = usage.path("input_tokens").asLong(0) + cached;
        if (evidence.prefixHash() != null) {
            long estimate = evidence.requestChars() == 0
                    ? 0
                    : Math.round((double) evidence.prefixChars() / evidence.requestChars() * prompt);
            event.putObject("prompt")
                    .put("prefix_hash", evidence.prefixHash())
                    .put("prefix_tokens", cached > 0 ? cached : estimate);
        }
        if (evidence.conversationId() != null && evidence.turn() >= 1) {
            event.putObject("conversation").put("id", evidence.conversationId()).put("turn", evidence.turn());
        }
        if (message.path("diagnostics").isObject()) {
            event.set("diagnostics", message.get("diagnostics").deepCopy());
        }
        event.set("tags", tags(call, message, evidence, cached > 0));
        return event;
    }

    /** The gateway's own tags, then the app's (X-Tokenwarden-Tags) as far as the 20 tags an event may have allow. */
    private static ObjectNode tags(
            GatewayServlet.GatewayCall call, JsonNode message, Evidence evidence, boolean measured) {
        ObjectNode tags = JSON.createObjectNode();
        tags.put("tw_source", "gateway");
        call.policyTags().forEach(tags::put);
        if ("refusal".equals(message.path("stop_reason").asString(""))) {
            tags.put("tw_stop_reason", "refusal");
        }
        if (evidence.prefixHash() != null) {
            tags.put("tw_prefix_tokens", measured ? "measured" : "estimated");
        }
        if (evidence.systemHash() != null) {
            tags.put("tw_system_hash", evidence.systemHash());
            tags.put("tw_system_masked_hash", evidence.systemMaskedHash());
            if (!evidence.maskedOffsets().isEmpty()) {
                tags.put(
                        "tw_system_masked_at",
                        evidence.maskedOffsets().stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
        }
        if (!call.delivered()) {
            tags.put("tw_incomplete", "client_disconnected");
        }
        GatewayHeaders.tags(call.headers().get(GatewayHeaders.TAGS)).entrySet().stream()
                .filter(tag -> !tags.has(tag.getKey()))
                .limit(Math.max(0, MAX_TAGS - tags.size()))
                .forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
        return tags;
    }

    private static java.util.Optional<BigDecimal> businessUnits(String header) {
        try {
            return header == null ? java.util.Optional.empty() : java.util.Optional.of(new BigDecimal(header));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void putIfPresent(ObjectNode event, String field, String value) {
        if (value != null) {
            event.put(field, value);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
