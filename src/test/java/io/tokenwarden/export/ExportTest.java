package io.tokenwarden.export;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.analytics.RollupJob;
import io.tokenwarden.security.Role;
import io.tokenwarden.security.UserAccounts;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** August 2025 belongs to this test: no other test writes events in it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

    @Autowired
    Api api;

    @Autowired
    RollupJob rollupJob;

    @Autowired
    UserAccounts users;

    String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void ingest() {
        users.create(engineer, "engineer-pw", Role.ENGINEER, "test");
        api.putAsAdmin("/api/v1/use-cases/export-chat", "{\"owner_team\": \"support\"}");
        Api.Response response = api.postEvents(
                api.newApp().apiKey(),
                api.toJson(Map.of(
                        "events",
                        List.of(
                                // batch on sonnet-4-6: (1,000 x 3 + 2,000 x 0.30 + 100 x 15) / 1e6 x 0.5 = 0.00255
                                event("x1")
                                        .with("use_case", "export-chat")
                                        .with("model", "claude-sonnet-4-6")
                                        .with("occurred_at", "2025-08-10T10:00:00Z")
                                        .usage("cache_read_input_tokens", 2000)
                                        .usage("service_tier", "batch")
                                        .toMap(),
                                // US on opus-4-6: (1,000 x 5 + 1,000 x 25) / 1e6 x 1.1 + 2 searches x 0.01 = 0.053
                                event("x2")
                                        .with("use_case", "export-research")
                                        .with("model", "claude-opus-4-6")
                                        .with("occurred_at", "2025-08-31T23:30:00Z")
                                        .usage("output_tokens", 1000)
                                        .usage("inference_geo", "us")
                                        .usage("server_tool_use", Map.of("web_search_requests", 2))
                                        .toMap(),
                                event("x3")
                                        .with("use_case", "export-chat")
                                        .with("model", "claude-unknown")
                                        .with("occurred_at", "2025-08-11T10:00:00Z")
                                        .toMap()))));
        assertThat(response.status()).isEqualTo(200);
        rollupJob.catchUp(Duration.ofSeconds(30));
    }

    @Test
    void usageCsvHasOneRowPerEventOfTheRange() throws IOException {
        List<CSVRecord> rows = csv(api.getAsAdmin("/api/v1/exports/usage.csv?from=2025-08-01&to=2025-08-31"));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("event_id")).isEqualTo("x1");
        assertThat(new BigDecimal(rows.get(0).get("cost_usd"))).isEqualByComparingTo("0.00255");
        assertThat(rows.get(1).get("cost_usd")).isEmpty(); // unpriced
        assertThat(rows.get(2).get("occurred_at")).isEqualTo("2025-08-31T23:30:00Z");
    }

    @Test
    void focusBilledCostAddsUpToTheMonthsSpendExactly() throws IOException {
        Api.Response response = api.getAsAdmin("/api/v1/exports/focus.csv?month=2025-08");
        List<CSVRecord> rows = csv(response);

        assertThat(response.body().lines().findFirst().orElseThrow())
                .isEqualTo(String.join(",", FocusCsvWriter.HEADER));
        BigDecimal billed =
                rows.stream().map(r -> new BigDecimal(r.get("BilledCost"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(billed).isEqualByComparingTo("0.05555"); // 0.00255 + 0.053
        String spend = api.getAsAdmin("/api/v1/reports/spend?from=2025-08-01&to=2025-08-31")
                .json()
                .get("total_cost_usd")
                .stringValue();
        assertThat(billed).isEqualByComparingTo(spend);
        CSVRecord searches = rows.stream()
                .filter(r -> r.get("x_TokenType").equals("web_search"))
                .findFirst()
                .orElseThrow();
        assertThat(searches.get("PricingUnit")).isEqualTo("Requests");
        assertThat(new BigDecimal(searches.get("BilledCost"))).isEqualByComparingTo("0.02");
        CSVRecord batchInput = rows.stream()
                .filter(r -> r.get("x_UseCase").equals("export-chat")
                        && r.get("x_TokenType").equals("input"))
                .findFirst()
                .orElseThrow();
        assertThat(new BigDecimal(batchInput.get("ListCost")))
                .isEqualByComparingTo(new BigDecimal(batchInput.get("BilledCost")).multiply(BigDecimal.valueOf(2)));
        assertThat(batchInput.get("Tags")).isEqualTo("{\"use_case\":\"export-chat\",\"team\":\"support\"}");
        assertThat(batchInput.get("ServiceCategory")).isEqualTo("AI and Machine Learning");
        assertThat(batchInput.get("ChargePeriodStart")).isEqualTo("2025-08-10T00:00:00Z");
    }

    @Test
    void exportsAreForAdminsAndFinanceOnly() {
        assertThat(api.getAs(engineer, "engineer-pw", "/api/v1/exports/usage.csv")
                        .status())
                .isEqualTo(403);
        assertThat(api.getAsAdmin("/api/v1/exports/usage.csv?from=2025-08-02&to=2025-08-01")
                        .status())
                .isEqualTo(400);
    }

    private static List<CSVRecord> csv(Api.Response response) throws IOException {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(response.body()))
                .getRecords();
    }
}
