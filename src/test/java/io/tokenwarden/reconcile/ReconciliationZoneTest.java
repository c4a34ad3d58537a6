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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Bills come in UTC days; with the reporting zone in Tokyo, an event at 20:00 UTC on the 10th is on the 11th of
 * the reports but on the 10th of the bill. Reconciliation compares it with the bill's 10th: no drift that is not there.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(properties = "tokenwarden.reporting-zone=Asia/Tokyo")
class ReconciliationZoneTest {

    @Autowired
    Api api;

    @Autowired
    RollupJob rollupJob;

    @Test
    void billDaysAndTrackedDaysAreBothUtcDaysInAnyReportingZone() {
        // (1,000 x 3 + 100 x 15) / 1e6 = 0.0045 on claude-sonnet-4-6, on 2025-08-10 in UTC, 2025-08-11 in Tokyo
        api.postEvents(
                api.newApp().apiKey(),
                api.toJson(Map.of(
                        "events",
                        List.of(event("z1")
                                .with("model", "claude-sonnet-4-6")
                                .with("occurred_at", "2025-08-10T20:00:00Z")
                                .toMap()))));
        rollupJob.catchUp(Duration.ofSeconds(30));
        String costReport = """
                {"data": [{"starting_at": "2025-08-10T00:00:00Z", "ending_at": "2025-08-11T00:00:00Z", "results": [
                  {"currency": "USD", "amount": "0.45", "description": "Claude Sonnet 4.6 Usage", "model": "claude-sonnet-4-6"}]}],
                 "has_more": false}""";
        assertThat(api.postAsAdmin("/api/v1/reconciliation/cost-report", costReport)
                        .status())
                .isEqualTo(200);

        JsonNode row = api.getAsAdmin("/api/v1/reconciliation?month=2025-08")
                .json()
                .get("rows")
                .get(0);

        assertThat(row.get("day").stringValue()).isEqualTo("2025-08-10");
        assertThat(row.get("tracked_usd").stringValue()).isEqualTo("0.004500000000");
        assertThat(row.get("drift_usd").stringValue()).isEqualTo("0.000000000000");
    }
}
