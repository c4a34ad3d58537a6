package io.tokenwarden.ingest;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Events;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** API.md's field rules, checked on the validator alone: strict types, never coerced. */
class EventValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final EventValidator validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC));
    private final JsonMapper json = JsonMapper.builder().build();

    static List<Arguments> invalidEvents() {
        return List.of(
                Arguments.of(event("e").usage("output_tokens", 1.5), "usage.output_tokens", "must be an integer"),
                Arguments.of(event("e").usage("output_tokens", 2.0), "usage.output_tokens", "must be an integer"),
                Arguments.of(event("e").usage("input_tokens", "12"), "usage.input_tokens", "must be an integer"),
                Arguments.of(
                        event("e").usage("input_tokens", -1), "usage.input_tokens", "must be between 0 and 100000000"),
                Arguments.of(
                        event("e").usage("input_tokens", 100_000_001),
                        "usage.input_tokens",
                        "must be between 0 and 100000000"),
                Arguments.of(
                        event("e").usage("service_tier", "gold tier; drop"),
                        "usage.service_tier",
                        "must be a name of at most 64 letters, digits, '_', '.' or '-'"),
                Arguments.of(
                        event("e").usage("inference_geo", "eu"),
                        "usage.inference_geo",
                        "must be one of global, us, not_available"),
                Arguments.of(
                        event("e")
                                .usage("cache_creation_input_tokens", 100)
                                .usage(
                                        "cache_creation",
                                        Map.of("ephemeral_5m_input_tokens", 60, "ephemeral_1h_input_tokens", 50)),
                        "usage.cache_creation",
                        "ephemeral_5m_input_tokens + ephemeral_1h_input_tokens must equal "
                                + "cache_creation_input_tokens (100)"),
                Arguments.of(
                        event("e").with("occurred_at", "2026-11-23T12:05:01Z"),
                        "occurred_at",
                        "must not be more than 5 minutes in the future"),
                Arguments.of(
                        event("e").with("occurred_at", "2026-11-23T12:00:00"),
                        "occurred_at",
                        "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-23T10:15:30Z"),
                Arguments.of(event("bad id!"), "event_id", "must be 1-128 characters of A-Z a-z 0-9 . _ : -"),
                Arguments.of(
                        event("e").with("use_case", "Document Processing"),
                        "use_case",
                        "must match [a-z0-9][a-z0-9_.-]*, at most 64 characters"),
                Arguments.of(event("e").without("model"), "model", "is required"),
                Arguments.of(event("e").without("usage"), "usage", "is required"),
                Arguments.of(
                        event("e").with("latency_class", "urgent"),
                        "latency_class",
                        "must be one of interactive, background"),
                Arguments.of(event("e").with("quality_score", 1.01), "quality_score", "must be between 0 and 1"),
                Arguments.of(
                        event("e").with("business_units", -0.5),
                        "business_units",
                        "must be between 0 and 1000000000000"),
                Arguments.of(
                        event("e").with("conversation", Map.of("id", "c", "turn", 0)),
                        "conversation.turn",
                        "must be between 1 and 1000000"),
                Arguments.of(
                        event("e").with("prompt", Map.of("prefix_hash", "h")), "prompt.prefix_tokens", "is required"),
                Arguments.of(
                        event("e").with("tags", Map.of("team", 7)),
                        "tags.team",
                        "must be a string of at most 256 characters"));
    }

    @ParameterizedTest
    @MethodSource("invalidEvents")
    void rejectsWithAFieldLevelReason(Events event, String field, String message) {
        Checked<UsageEventInput> checked = validate(event);

        assertThat(checked.isValid()).isFalse();
        assertThat(checked.errors())
                .extracting("field", "message")
                .contains(org.assertj.core.groups.Tuple.tuple(field, message));
    }

    @Test
    void reportsEveryBrokenRuleNotOnlyTheFirst() {
        Checked<UsageEventInput> checked = validate(
                event("e").usage("input_tokens", -1).usage("output_tokens", 0.5).with("use_case", ""));

        assertThat(checked.errors())
                .extracting("field")
                .containsExactlyInAnyOrder("usage.input_tokens", "usage.output_tokens", "use_case");
        assertThat(checked.id()).isEqualTo("e");
    }

    @Test
    void defaultsAndTheUsageObjectAsTheApiReturnsIt() {
        UsageEventInput event = validate(event("e")
                        .usage("cache_creation_input_tokens", null)
                        .usage("server_tool_use", Map.of("web_search_requests", 2, "web_fetch_requests", 1))
                        .usage("some_future_field", "ignored"))
                .value();

        assertThat(event.usage().serviceTier().wireName()).isEqualTo("standard");
        assertThat(event.usage().inferenceGeo().wireName()).isEqualTo("global");
        assertThat(event.usage().cacheCreation()).isZero();
        assertThat(event.usage().webSearchRequests()).isEqualTo(2);
    }

    @Test
    void withoutASplitEveryCacheWriteIsAFiveMinuteWrite() {
        UsageEventInput event =
                validate(event("e").usage("cache_creation_input_tokens", 700)).value();

        assertThat(event.usage().cacheWrite5m()).isEqualTo(700);
        assertThat(event.usage().cacheWrite1h()).isZero();
    }

    @Test
    void acceptsATimestampWithinFiveMinutesAheadAndAnyOffset() {
        assertThat(validate(event("e").with("occurred_at", "2026-11-23T12:05:00Z"))
                        .isValid())
                .isTrue();
        assertThat(validate(event("e").with("occurred_at", "2026-11-23T13:04:00+01:00"))
                        .value()
                        .occurredAt())
                .isEqualTo(Instant.parse("2026-11-23T12:04:00Z"));
    }

    @Test
    void aNonObjectItemIsRejectedNotFatal() {
        Checked<UsageEventInput> checked = validator.validate(json.readTree("42"));

        assertThat(checked.errors()).extracting("message").containsExactly("must be a JSON object");
    }

    private Checked<UsageEventInput> validate(Events event) {
        return validator.validate(json.valueToTree(event.toMap()));
    }
}
