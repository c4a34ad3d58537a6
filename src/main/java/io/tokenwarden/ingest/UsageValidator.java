package io.tokenwarden.ingest;

import static io.tokenwarden.ingest.EventValidator.MAX_TOKENS;

import io.tokenwarden.pricing.InferenceGeo;
import io.tokenwarden.pricing.Iteration;
import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.web.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The Messages API usage object. Unknown fields inside it are ignored, as the contract says: among them
 * output_tokens_details.thinking_tokens (already inside output_tokens) and server_tool_use.web_fetch_requests
 * (no fee). service_tier and speed are stored as sent, whatever the value: whether it has a price is the
 * catalog's business, and an unknown one is left unpriced with a reason, never rejected.
 */
class UsageValidator {

    static final int MAX_ITERATIONS = 100;
    private static final Pattern WIRE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    TokenUsage validate(JsonFields usage) {
        Counts top = counts(usage);
        Long webSearch = usage.optionalObject("server_tool_use")
                .map(tools -> orZero(
                        tools.optionalInteger("web_search_requests", 0, MAX_TOKENS), tools, "web_search_requests"))
                .orElse(usage.has("server_tool_use") ? null : 0L);
        String tierName = wireName(usage, "service_tier", ServiceTier.STANDARD.wireName());
        ServiceTier tier = tierName == null ? null : new ServiceTier(tierName);
        String speed = wireName(usage, "speed", TokenUsage.STANDARD_SPEED);
        InferenceGeo geo = usage.optionalEnum(
                "inference_geo", InferenceGeo::fromWire, InferenceGeo.GLOBAL, "global, us, not_available");
        List<Iteration> iterations = iterations(usage);
        if (top == null || webSearch == null || tier == null || speed == null || geo == null || iterations == null) {
            return null;
        }
        if (iterations.isEmpty()) {
            return new TokenUsage(
                    top.input,
                    top.output,
                    top.w5 + top.w1h,
                    top.read,
                    top.w5,
                    top.w1h,
                    webSearch,
                    tier,
                    geo,
                    speed,
                    List.of());
        }
        // The top-level counts leave out compaction and advisor steps; the bill is the sum over the iterations.
        long input = iterations.stream().mapToLong(Iteration::input).sum();
        long output = iterations.stream().mapToLong(Iteration::output).sum();
        long read = iterations.stream().mapToLong(Iteration::cacheRead).sum();
        long w5 = iterations.stream().mapToLong(Iteration::cacheWrite5m).sum();
        long w1h = iterations.stream().mapToLong(Iteration::cacheWrite1h).sum();
        return new TokenUsage(input, output, w5 + w1h, read, w5, w1h, webSearch, tier, geo, speed, iterations);
    }

    /** A value kept as sent (absent: {@code fallback}); null when invalid, the error recorded. */
    private static String wireName(JsonFields usage, String name, String fallback) {
        if (!usage.has(name)) {
            return fallback;
        }
        String value = usage.optionalString(name, 64);
        if (value != null && !WIRE_NAME.matcher(value).matches()) {
            usage.reject(name, "must be a name of at most 64 letters, digits, '_', '.' or '-'");
            return null;
        }
        return value;
    }

    private record Counts(long input, long output, long read, long w5, long w1h) {}

    /** The token counts of a usage object or of one iteration; null when one is invalid (already recorded). */
    private static Counts counts(JsonFields usage) {
        Long input = usage.requiredInteger("input_tokens", 0, MAX_TOKENS);
        Long output = usage.requiredInteger("output_tokens", 0, MAX_TOKENS);
        Long creation = orZero(
                usage.optionalInteger("cache_creation_input_tokens", 0, MAX_TOKENS),
                usage,
                "cache_creation_input_tokens");
        Long read = orZero(
                usage.optionalInteger("cache_read_input_tokens", 0, MAX_TOKENS), usage, "cache_read_input_tokens");
        long[] split = split(usage, creation);
        if (input == null || output == null || creation == null || read == null || split == null) {
            return null;
        }
        return new Counts(input, output, read, split[0], split[1]);
    }

    private static List<Iteration> iterations(JsonFields usage) {
        if (!usage.has("iterations")) {
            return List.of();
        }
        JsonNode array = usage.raw("iterations");
        if (!array.isArray() || array.size() > MAX_ITERATIONS) {
            usage.reject("iterations", "must be a list of at most " + MAX_ITERATIONS + " usage objects");
            return null;
        }
        List<Iteration> result = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < array.size(); i++) {
            Optional<JsonFields> item = usage.optionalElement("iterations", i);
            Iteration iteration = item.map(UsageValidator::iteration).orElse(null);
            valid &= iteration != null;
            result.add(iteration);
        }
        return valid ? result : null;
    }

    private static Iteration iteration(JsonFields it) {
        String type = it.optionalString("type", 64);
        String model = it.optionalString("model", 128);
        Counts counts = counts(it);
        if (counts == null || (it.has("model") && model == null) || (it.has("type") && type == null)) {
            return null;
        }
        return new Iteration(
                type == null ? "message" : type,
                model,
                counts.input,
                counts.output,
                counts.read,
                counts.w5,
                counts.w1h);
    }

    /** Absent means 0; present but invalid stays null (the error is already recorded). */
    private static Long orZero(Long value, JsonFields fields, String name) {
        return value == null && !fields.has(name) ? Long.valueOf(0L) : value;
    }

    /** [5-minute writes, 1-hour writes]; without a cache_creation split every write is a 5-minute write. */
    private static long[] split(JsonFields usage, Long creation) {
        Optional<JsonFields> cacheCreation = usage.optionalObject("cache_creation");
        if (cacheCreation.isEmpty()) {
            return usage.has("cache_creation") || creation == null ? null : new long[] {creation, 0};
        }
        JsonFields parts = cacheCreation.get();
        Long fiveMinutes = orZero(
                parts.optionalInteger("ephemeral_5m_input_tokens", 0, MAX_TOKENS), parts, "ephemeral_5m_input_tokens");
        Long oneHour = orZero(
                parts.optionalInteger("ephemeral_1h_input_tokens", 0, MAX_TOKENS), parts, "ephemeral_1h_input_tokens");
        if (fiveMinutes == null || oneHour == null || creation == null) {
            return null;
        }
        if (fiveMinutes + oneHour != creation) {
            usage.reject(
                    "cache_creation",
                    "ephemeral_5m_input_tokens + ephemeral_1h_input_tokens must equal "
                            + "cache_creation_input_tokens (" + creation + ")");
            return null;
        }
        return new long[] {fiveMinutes, oneHour};
    }
}
