package io.tokenwarden.analytics;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Other test classes share this database, so these tests use days of 2024 no other test writes to
 * (March and September) and a use case or tag value of their own.
 */
@IntegrationTest
class SpendReportTest {

    @Autowired
    Api api;

    @Autowired
    RollupJob rollupJob;

    @Test
    void groupsByUseCaseModelDayAndTagWithExactTotals() {
        Api.NewApp app = api.newApp();
        String tag = app.name();
        api.postEvents(
                app.apiKey(),
                api.toJson(Map.of(
                        "events",
                        List.of(
                                // 1,000 x 3 + 100 x 15 = 4,500 per million
                                event("a")
                                        .with("occurred_at", "2024-03-01T23:30:00Z")
                                        .with("use_case", "chat")
                                        .with("model", "claude-sonnet-4-6")
                                        .with("tags", Map.of("run", tag))
                                        .toMap(),
                                // 1,000 x 1 + 100 x 5 = 1,500 per million
                                event("b")
                                        .with("occurred_at", "2024-03-02T00:30:00Z")
                                        .with("use_case", "chat")
                                        .with("model", "claude-haiku-4-5")
                                        .with("tags", Map.of("run", tag))
                                        .toMap(),
                                // 1,000 x 5 + 100 x 25 = 7,500 per million
                                event("c")
                                        .with("occurred_at", "2024-03-02T12:00:00Z")
                                        .with("use_case", "review")
                                        .with("model", "claude-opus-4-6")
                                        .with("tags", Map.of("run", tag))
                                        .toMap(),
                                event("d")
                                        .with("occurred_at", "2024-03-02T12:00:00Z")
                                        .with("use_case", "review")
                                        .with("model", "not-a-model")
                                        .with("tags", Map.of("run", tag))
                                        .toMap()))));
        rollupJob.catchUp(Duration.ofSeconds(30));

        JsonNode byTag = spend("tag:run");
        JsonNode ours = row(byTag, tag);
        assertThat(ours.get("requests").longValue()).isEqualTo(4);
        assertThat(ours.get("cost_usd").stringValue()).isEqualTo("0.013500000000");
        assertThat(ours.get("input_tokens").longValue()).isEqualTo(4000);

        JsonNode byDay = spend("day");
        assertThat(row(byDay, "2024-03-01").get("cost_usd").stringValue()).isEqualTo("0.004500000000");
        assertThat(row(byDay, "2024-03-02").get("cost_usd").stringValue()).isEqualTo("0.009000000000");
        assertThat(byDay.get("unpriced_events").longValue()).isGreaterThanOrEqualTo(1);

        JsonNode byModel = spend("model");
        assertThat(row(byModel, "not-a-model").get("cost_usd").stringValue()).isEqualTo("0.000000000000");
        assertThat(row(byModel, "not-a-model").get("unpriced_events").longValue())
                .isEqualTo(1);
        assertThat(ours.get("unpriced_events").longValue()).isEqualTo(1);
        assertThat(row(byModel, "claude-opus-4-6").get("requests").longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void totalsCoverEveryEventWhateverTheGrouping() {
        Api.NewApp app = api.newApp();
        String tag = app.name();
        api.postEvents(
                app.apiKey(),
                api.toJson(Map.of(
                        "events",
                        List.of(
                                // sonnet-4-6: 1,000 x 3 + 100 x 15 = $0.0045, tagged
                                event("t1")
                                        .with("occurred_at", "2024-09-10T10:00:00Z")
                                        .with("model", "claude-sonnet-4-6")
                                        .with("tags", Map.of("run", tag))
                                        .toMap(),
                                // haiku-4-5: 1,000 x 1 + 100 x 5 = $0.0015, no tag
                                event("t2")
                                        .with("occurred_at", "2024-09-10T11:00:00Z")
                                        .with("model", "claude-haiku-4-5")
                                        .toMap(),
                                event("t3")
                                        .with("occurred_at", "2024-09-10T12:00:00Z")
                                        .with("model", "not-a-model")
                                        .with("tags", Map.of("run", tag))
                                        .toMap()))));
        rollupJob.catchUp(Duration.ofSeconds(30));

        for (String groupBy : List.of("use_case", "model", "app", "day", "tag:run")) {
            JsonNode report = api.getAsAdmin("/api/v1/reports/spend?from=2024-09-10&to=2024-09-10&group_by=" + groupBy)
                    .json();
            assertThat(report.get("total_cost_usd").stringValue()).as(groupBy).isEqualTo("0.006000000000");
            assertThat(report.get("unpriced_events").longValue()).as(groupBy).isEqualTo(1);
        }
        JsonNode byTag = api.getAsAdmin("/api/v1/reports/spend?from=2024-09-10&to=2024-09-10&group_by=tag:run")
                .json();
        assertThat(row(byTag, tag).get("cost_usd").stringValue())
                .as("the untagged event has no row")
                .isEqualTo("0.004500000000");
    }

    @Test
    void badParametersAre400WithTheField() {
        Api.Response badGroup = api.getAsAdmin("/api/v1/reports/spend?group_by=colour");
        Api.Response badDate = api.getAsAdmin("/api/v1/reports/spend?from=2024-13-01");
        Api.Response reversed = api.getAsAdmin("/api/v1/reports/spend?from=2024-03-02&to=2024-03-01");

        assertThat(badGroup.status()).isEqualTo(400);
        assertThat(badGroup.json().get("errors").get(0).get("field").stringValue())
                .isEqualTo("group_by");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").stringValue())
                .isEqualTo("from");
        assertThat(reversed.status()).isEqualTo(400);
    }

    private JsonNode spend(String groupBy) {
        Api.Response response =
                api.getAsAdmin("/api/v1/reports/spend?from=2024-03-01&to=2024-03-02&group_by=" + groupBy);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode row(JsonNode report, String key) {
        return report.get("rows")
                .valueStream()
                .filter(r -> key.equals(r.get("key").stringValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + report));
    }
}
