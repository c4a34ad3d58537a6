package io.tokenwarden.reconcile;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.analytics.RollupJob;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** September 2025 belongs to this test. */
@IntegrationTest
class ReconciliationTest {

    @Autowired
    Api api;

    @Autowired
    RollupJob rollupJob;

    @Test
    void billedAndTrackedCostAreComparedPerDayAndModel() {
        // tracked on 2025-09-02: 2 x (1,000 x 3 + 100 x 15) / 1e6 = 0.009 on claude-sonnet-4-6
        api.postEvents(
                api.newApp().apiKey(),
                api.toJson(Map.of(
                        "events",
                        List.of(
                                event("r1")
                                        .with("model", "claude-sonnet-4-6")
                                        .with("occurred_at", "2025-09-02T10:00:00Z")
                                        .toMap(),
                                event("r2")
                                        .with("model", "claude-sonnet-4-6")
                                        .with("occurred_at", "2025-09-02T11:00:00Z")
                                        .toMap()))));
        rollupJob.catchUp(Duration.ofSeconds(30));
        String costReport = """
                {"data": [
                  {"starting_at": "2025-09-02T00:00:00Z", "ending_at": "2025-09-03T00:00:00Z", "results": [
                    {"currency": "USD", "amount": "0.9", "description": "Claude Sonnet 4.6 Usage - Input Tokens", "model": "claude-sonnet-4-6"},
                    {"currency": "USD", "amount": "0.3", "description": "Claude Sonnet 4.6 Usage - Output Tokens", "model": "claude-sonnet-4-6"}]},
                  {"starting_at": "2025-09-03T00:00:00Z", "ending_at": "2025-09-04T00:00:00Z", "results": [
                    {"currency": "USD", "amount": "50", "description": "Claude Opus 4.6 Usage", "model": "claude-opus-4-6"}]}],
                 "has_more": false}""";
        String usageReport = """
                {"data": [{"starting_at": "2025-09-04T00:00:00Z", "ending_at": "2025-09-05T00:00:00Z", "results": [
                  {"model": "claude-haiku-4-5", "uncached_input_tokens": 1000, "output_tokens": 100, "cache_read_input_tokens": 0,
                   "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0}, "service_tier": "standard"}]}]}""";

        assertThat(api.postAsAdmin("/api/v1/reconciliation/cost-report", costReport)
                        .status())
                .isEqualTo(200);
        assertThat(api.postAsAdmin("/api/v1/reconciliation/usage-report", usageReport)
                        .status())
                .isEqualTo(200);
        JsonNode report = api.getAsAdmin("/api/v1/reconciliation?month=2025-09").json();

        JsonNode sonnet = report.get("rows").get(0); // 1.2 cents billed = $0.012 against $0.009 tracked
        assertThat(sonnet.get("model").stringValue()).isEqualTo("claude-sonnet-4-6");
        assertThat(sonnet.get("billed_usd").stringValue()).isEqualTo("0.012000000000");
        assertThat(sonnet.get("tracked_usd").stringValue()).isEqualTo("0.009000000000");
        assertThat(sonnet.get("drift_usd").stringValue()).isEqualTo("0.003000000000");
        assertThat(sonnet.get("drift_percent").decimalValue()).isEqualByComparingTo("25");
        assertThat(sonnet.get("note").stringValue()).startsWith("tracking misses spend");
        JsonNode opus = report.get("rows").get(1); // 50 cents billed, nothing tracked
        assertThat(opus.get("drift_usd").stringValue()).isEqualTo("0.500000000000");
        assertThat(opus.get("drift_percent").decimalValue()).isEqualByComparingTo("100");
        JsonNode haiku = report.get("rows").get(2); // the usage report priced: 1,000 x 1 + 100 x 5 = 0.0015
        assertThat(haiku.get("model").stringValue()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(haiku.get("billed_usd").stringValue()).isEqualTo("0.001500000000");
        assertThat(report.get("drift_usd").stringValue()).isEqualTo("0.504500000000");
    }

    @Test
    void aNegativeOrFractionalCountInAUsageReportIsA400WithTheFieldNotA500() {
        for (String count : List.of("-5", "1.5", "\"12\"")) {
            Api.Response response = api.postAsAdmin("/api/v1/reconciliation/usage-report", """
                    {"data": [{"starting_at": "2025-09-06T00:00:00Z", "ending_at": "2025-09-07T00:00:00Z", "results": [
                      {"model": "claude-haiku-4-5", "uncached_input_tokens": %s, "output_tokens": 1}]}]}""".formatted(count));

            assertThat(response.status()).as(count).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").stringValue())
                    .isEqualTo("data.results.uncached_input_tokens");
        }
    }

    @Test
    void aReportWithoutDataIsRefusedWithTheField() {
        Api.Response response = api.postAsAdmin("/api/v1/reconciliation/cost-report", "{\"buckets\": []}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue())
                .isEqualTo("data");
    }
}
