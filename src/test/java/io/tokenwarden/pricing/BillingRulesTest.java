package io.tokenwarden.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.analytics.RollupJob;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * PRICING.md's rules over HTTP, as apps send usage today: every expected figure is worked out by hand from the
 * sheet in the comment above it. What cannot be priced is accepted, stored as sent and unpriced, with its reason.
 */
@IntegrationTest
class BillingRulesTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RollupJob rollupJob;

    Api.NewApp app;

    @BeforeEach
    void app() {
        app = api.newApp();
    }

    private JsonNode post(String eventId, String model, String occurredAt, String usage) {
        Api.Response response = send(eventId, model, occurredAt, usage, "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("results").get(0);
    }

    /** One event; {@code extra} adds top-level fields (", \"diagnostics\": {...}"). */
    private Api.Response send(String eventId, String model, String occurredAt, String usage, String extra) {
        return api.postEvents(app.apiKey(), """
                {"event_id": "%s", "occurred_at": "%s", "use_case": "rules", "model": "%s", "usage": %s%s}""".formatted(eventId, occurredAt, model, usage, extra));
    }

    private Map<String, Object> stored(String eventId) {
        return jdbc.sql("SELECT cost, unpriced_reason, service_tier, speed, input_tokens, output_tokens, "
                        + "cache_miss_reason, cache_missed_input_tokens "
                        + "FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? AND event_id = ?")
                .params(app.name(), eventId)
                .query()
                .singleRow();
    }

    @Test
    void todaysModelsArePriced() {
        // 1,000 x 2 + 100 x 10 = 3,000 per million
        assertThat(post(
                                "s55",
                                "claude-sonnet-5-5",
                                "2026-12-01T10:00:00Z",
                                "{\"input_tokens\": 1000, \"output_tokens\": 100}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.003000000000");
        // 1,000 x 5 + 100 x 25 = 7,500 per million
        assertThat(post(
                                "o48",
                                "claude-opus-4-8",
                                "2026-12-01T10:00:00Z",
                                "{\"input_tokens\": 1000, \"output_tokens\": 100}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.007500000000");
        // 1,000 x 0.10 + 100 x 0.50 = 150 per million
        assertThat(post(
                                "h55",
                                "claude-haiku-5-5",
                                "2026-12-01T10:00:00Z",
                                "{\"input_tokens\": 1000, \"output_tokens\": 100}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.000150000000");
    }

    @Test
    void iterationsAreSummedEachAtItsOwnModel() {
        // The top level (23,000 in, 1,000 out) leaves out the compaction step: 0.14 alone. The bill sums both
        // iterations: 180,000 x 5 + 3,500 x 25 = 987,500 and 23,000 x 5 + 1,000 x 25 = 140,000 per million.
        JsonNode result = post("compacted", "claude-opus-4-6", "2026-11-02T10:00:00Z", """
                {"input_tokens": 23000, "output_tokens": 1000, "iterations": [
                  {"type": "compaction", "input_tokens": 180000, "output_tokens": 3500},
                  {"type": "message", "input_tokens": 23000, "output_tokens": 1000}]}""");
        assertThat(result.get("cost_usd").asString()).isEqualTo("1.127500000000");
        assertThat(stored("compacted")).containsEntry("input_tokens", 203000L).containsEntry("output_tokens", 4500L);
        // An advisor step on Haiku 5.5: 10,000 x 0.10 + 500 x 0.50 = 1,250; the message on Opus 4.6: 140,000
        JsonNode advised = post("advised", "claude-opus-4-6", "2026-11-02T10:00:00Z", """
                {"input_tokens": 23000, "output_tokens": 1000, "iterations": [
                  {"type": "advisor_message", "model": "claude-haiku-5-5", "input_tokens": 10000, "output_tokens": 500},
                  {"type": "message", "input_tokens": 23000, "output_tokens": 1000}]}""");
        assertThat(advised.get("cost_usd").asString()).isEqualTo("0.141250000000");
    }

    @Test
    void fastModeUsesItsOwnPricesAndIsUnpricedWhereTheSheetHasNone() {
        // Opus 4.6 fast in March 2026: 1,000 x 30 + 100 x 150 = 45,000 per million
        assertThat(post(
                                "fast46",
                                "claude-opus-4-6",
                                "2026-03-02T10:00:00Z",
                                "{\"input_tokens\": 1000, \"output_tokens\": 100, \"speed\": \"fast\"}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.045000000000");
        // Opus 4.8 fast with US-only inference: (1,000 x 10 + 100 x 50) x 1.1 = 16,500 per million
        assertThat(post(
                                "fast48us",
                                "claude-opus-4-8",
                                "2026-11-02T10:00:00Z",
                                "{\"input_tokens\": 1000, \"output_tokens\": 100, \"speed\": \"fast\", \"inference_geo\": \"us\"}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.016500000000");
        JsonNode unconfirmed = post(
                "fast47",
                "claude-opus-4-7",
                "2026-06-01T10:00:00Z",
                "{\"input_tokens\": 1000, \"output_tokens\": 100, \"speed\": \"fast\"}");
        assertThat(unconfirmed.get("priced").asBoolean()).isFalse();
        assertThat(unconfirmed.get("unpriced_reason").asString())
                .isEqualTo("no price for speed=fast on claude-opus-4-7 on 2026-06-01");
        assertThat(stored("fast47"))
                .containsEntry("speed", "fast")
                .containsEntry("unpriced_reason", "no price for speed=fast on claude-opus-4-7 on 2026-06-01");
        rollupJob.catchUp(Duration.ofSeconds(30));
        JsonNode june = api.getAsAdmin("/api/v1/reports/spend?from=2026-06-01&to=2026-06-01&group_by=model")
                .json();
        assertThat(june.get("unpriced_reasons")
                        .valueStream()
                        .map(r -> r.get("reason").asString()))
                .contains("no price for speed=fast on claude-opus-4-7 on 2026-06-01");
        JsonNode ended = post(
                "fast48late",
                "claude-opus-4-8",
                "2026-12-01T10:00:00Z",
                "{\"input_tokens\": 1000, \"output_tokens\": 100, \"speed\": \"fast\"}");
        assertThat(ended.get("unpriced_reason").asString())
                .isEqualTo("no price for speed=fast on claude-opus-4-8 on 2026-12-01");
    }

    @Test
    void unknownServiceTiersAreStoredAndLeftUnpricedNotRejected() {
        JsonNode flex = post(
                "flex",
                "claude-sonnet-5-5",
                "2026-12-01T10:00:00Z",
                "{\"input_tokens\": 1000, \"output_tokens\": 100, \"service_tier\": \"flex\"}");
        assertThat(flex.get("status").asString()).isEqualTo("accepted");
        assertThat(flex.get("unpriced_reason").asString())
                .isEqualTo("no price for service_tier=flex on claude-sonnet-5-5 on 2026-12-01");
        assertThat(stored("flex")).containsEntry("service_tier", "flex").containsEntry("cost", null);
        // Priority has no public price: standard, as an estimate. 1,000 x 2 + 100 x 10 = 3,000 per million
        assertThat(post(
                                "prio",
                                "claude-sonnet-5-5",
                                "2026-12-01T10:00:00Z",
                                "{\"input_tokens\": 1000, \"output_tokens\": 100, \"service_tier\": \"priority\"}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.003000000000");
        JsonNode fastBatch = post(
                "fastbatch",
                "claude-opus-5",
                "2026-11-02T10:00:00Z",
                "{\"input_tokens\": 1, \"output_tokens\": 1, \"service_tier\": \"batch\", \"speed\": \"fast\"}");
        assertThat(fastBatch.get("priced").asBoolean()).isFalse();
    }

    @Test
    void nothingIsBilledTwiceAndWebFetchIsFree() {
        // thinking tokens are inside output_tokens; web_fetch has no fee; web_search is $0.01 each.
        // 1,000 x 2 + 500 x 10 = 7,000 per million, + 2 searches
        JsonNode result = post("tools", "claude-sonnet-5-5", "2026-12-01T10:00:00Z", """
                {"input_tokens": 1000, "output_tokens": 500, "output_tokens_details": {"thinking_tokens": 400},
                 "server_tool_use": {"web_search_requests": 2, "web_fetch_requests": 7}}""");
        assertThat(result.get("cost_usd").asString()).isEqualTo("0.027000000000");
    }

    @Test
    void cacheDiagnosticsAreStored() {
        String usage = "{\"input_tokens\": 5000, \"output_tokens\": 10}";
        Api.Response response = send(
                "diag",
                "claude-sonnet-5-5",
                "2026-12-01T10:00:00Z",
                usage,
                ", \"diagnostics\": {\"cache_miss_reason\": {\"type\": \"system_changed\", \"cache_missed_input_tokens\": 4100}}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(stored("diag"))
                .containsEntry("cache_miss_reason", "system_changed")
                .containsEntry("cache_missed_input_tokens", 4100L);
        Api.Response bad = send(
                "diag2",
                "claude-sonnet-5-5",
                "2026-12-01T10:00:00Z",
                usage,
                ", \"diagnostics\": {\"cache_miss_reason\": {\"cache_missed_input_tokens\": -1}}");
        assertThat(bad.status()).isEqualTo(207);
        assertThat(bad.body())
                .contains(
                        "diagnostics.cache_miss_reason.type",
                        "diagnostics.cache_miss_reason.cache_missed_input_tokens");
    }

    @Test
    void retiredModelsKeepTheirPricesAndLongPromptPricesEndWhenTheSheetSays() {
        // Sonnet 4.5 (retired 2026-11-30) on its last day: 1,000 x 3 + 100 x 15 = 4,500 per million
        assertThat(post(
                                "s45",
                                "claude-sonnet-4-5",
                                "2026-11-29T10:00:00Z",
                                "{\"input_tokens\": 1000, \"output_tokens\": 100}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.004500000000");
        // 250,000 prompt tokens on 2026-04-15: the 1M beta's long-prompt prices held until 2026-04-30.
        // 250,000 x 6 + 100 x 22.50 = 1,502,250 per million
        assertThat(post(
                                "s45long",
                                "claude-sonnet-4-5",
                                "2026-04-15T10:00:00Z",
                                "{\"input_tokens\": 250000, \"output_tokens\": 100}")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("1.502250000000");
    }
}
