package io.tokenwarden.ingest;

import static io.tokenwarden.ingest.EventValidator.MAX_TOKENS;

import io.tokenwarden.pricing.InferenceGeo;
import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.web.JsonFields;
import java.util.Optional;

/** The Messages API usage object. Unknown fields inside it are ignored, as the contract says. */
class UsageValidator {

    TokenUsage validate(JsonFields usage) {
        Long input = usage.requiredInteger("input_tokens", 0, MAX_TOKENS);
        Long output = usage.requiredInteger("output_tokens", 0, MAX_TOKENS);
        Long creation = orZero(usage.optionalInteger("cache_creation_input_tokens", 0, MAX_TOKENS), usage,
                "cache_creation_input_tokens");
        Long read = orZero(usage.optionalInteger("cache_read_input_tokens", 0, MAX_TOKENS), usage,
                "cache_read_input_tokens");
        long[] split = split(usage, creation);
        Long webSearch = usage.optionalObject("server_tool_use")
                .map(tools -> orZero(tools.optionalInteger("web_search_requests", 0, MAX_TOKENS), tools,
                        "web_search_requests"))
                .orElse(usage.has("server_tool_use") ? null : 0L);
        ServiceTier tier = usage.optionalEnum("service_tier", ServiceTier::fromWire, ServiceTier.STANDARD,
                "standard, priority, batch");
        InferenceGeo geo = usage.optionalEnum("inference_geo", InferenceGeo::fromWire, InferenceGeo.GLOBAL,
                "global, us, not_available");
        if (input == null || output == null || creation == null || read == null || split == null
                || webSearch == null || tier == null || geo == null) {
            return null;
        }
        return new TokenUsage(input, output, creation, read, split[0], split[1], webSearch, tier, geo);
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
        Long fiveMinutes = orZero(parts.optionalInteger("ephemeral_5m_input_tokens", 0, MAX_TOKENS), parts,
                "ephemeral_5m_input_tokens");
        Long oneHour = orZero(parts.optionalInteger("ephemeral_1h_input_tokens", 0, MAX_TOKENS), parts,
                "ephemeral_1h_input_tokens");
        if (fiveMinutes == null || oneHour == null || creation == null) {
            return null;
        }
        if (fiveMinutes + oneHour != creation) {
            usage.reject("cache_creation", "ephemeral_5m_input_tokens + ephemeral_1h_input_tokens must equal "
                    + "cache_creation_input_tokens (" + creation + ")");
            return null;
        }
        return new long[] {fiveMinutes, oneHour};
    }
}
