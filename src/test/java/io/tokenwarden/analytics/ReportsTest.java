package io.tokenwarden.analytics;

import static io.tokenwarden.support.Events.costing;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Each report against numbers worked out by hand. Every event here costs a round amount (input
 * tokens on claude-haiku-4-5 at $1 per million), and each test owns a month of 2025.
 */
@IntegrationTest
class ReportsTest {

    @Autowired
    Api api;

    @Autowired
    RollupJob rollupJob;

    @Autowired
    AnomalyDetector anomalyDetector;

    @Test
    void paretoRanksByCostThenNameAndFindsTheVitalFew() {
        ingest(
                costing("a", "pa-alpha", "2025-01-05T10:00:00Z", "50"),
                costing("b", "pa-beta", "2025-01-06T10:00:00Z", "20"),
                costing("d", "pa-delta", "2025-01-07T10:00:00Z", "10"),
                costing("c", "pa-charlie", "2025-01-07T10:00:00Z", "10"),
                costing("e", "pa-echo", "2025-01-08T10:00:00Z", "5"),
                costing("f", "pa-foxtrot", "2025-01-31T23:59:59Z", "5"));

        JsonNode pareto = get("/api/v1/reports/pareto?month=2025-01");

        // total 100: cumulative 50, 70, 80 (reaches 0.8 with the third), 90, 95, 100
        assertThat(pareto.get("total_cost_usd").stringValue()).isEqualTo("100.000000000000");
        assertThat(pareto.get("use_case_count").intValue()).isEqualTo(6);
        assertThat(pareto.get("threshold").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(texts(pareto.get("rows"), "use_case"))
                .containsExactly("pa-alpha", "pa-beta", "pa-charlie", "pa-delta", "pa-echo", "pa-foxtrot");
        assertThat(pareto.get("rows")
                        .valueStream()
                        .map(r -> r.get("vital_few").booleanValue())
                        .toList())
                .containsExactly(true, true, true, false, false, false);
        assertThat(pareto.get("rows").get(2).get("cumulative_share").decimalValue())
                .isEqualByComparingTo("0.8");
        assertThat(pareto.get("rows").get(0).get("share").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode vitalFew = pareto.get("vital_few");
        assertThat(vitalFew.get("count").intValue()).isEqualTo(3);
        assertThat(vitalFew.get("share_of_use_cases").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(vitalFew.get("share_of_spend").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(pareto.get("headline").stringValue()).isEqualTo("3 of 6 use cases (50.0%) make 80.0% of spend");
    }

    @Test
    void unitCostsCountEventUnitsAndOutcomesAndNeverDivideByZero() {
        Api.NewApp app = api.newApp();
        api.ingestAll(
                app.apiKey(),
                List.of(
                        costing("r1", "uc-review", "2025-02-03T10:00:00Z", "4").with("business_units", 2),
                        costing("r2", "uc-review", "2025-02-04T10:00:00Z", "2").with("business_units", 1),
                        costing("n1", "uc-nounits", "2025-02-04T10:00:00Z", "3"),
                        costing("t1", "uc-thirds", "2025-02-05T10:00:00Z", "1").with("business_units", 3)));
        api.send(api.jsonPost("/api/v1/outcomes", """
                {"outcome_id": "o1", "occurred_at": "2025-02-05T10:00:00Z", "use_case": "uc-review", "units": 3}""").header("X-Api-Key", app.apiKey()));
        put("uc-review", "{\"unit_name\": \"contract\", \"value_per_unit_usd\": \"2.5\"}");
        put("uc-nounits", "{\"value_per_unit_usd\": \"1\"}");
        rollupJob.catchUp(Duration.ofSeconds(30));

        JsonNode rows = get("/api/v1/reports/unit-costs?month=2025-02").get("rows");

        JsonNode review = row(rows, "use_case", "uc-review");
        assertThat(review.get("unit_name").stringValue()).isEqualTo("contract");
        assertThat(review.get("units").decimalValue()).isEqualByComparingTo("6"); // 2 + 1 on events + 3 outcomes
        assertThat(review.get("cost_usd").stringValue()).isEqualTo("6.000000000000");
        assertThat(review.get("cost_per_unit_usd").stringValue()).isEqualTo("1.000000000000");
        assertThat(review.get("value_usd").stringValue()).isEqualTo("15.000000000000"); // 6 x 2.5
        assertThat(review.get("roi").decimalValue()).isEqualByComparingTo("1.5"); // (15 - 6) / 6
        JsonNode noUnits = row(rows, "use_case", "uc-nounits");
        assertThat(noUnits.get("units").decimalValue()).isEqualByComparingTo("0");
        assertThat(noUnits.get("cost_per_unit_usd").isNull()).isTrue();
        assertThat(noUnits.get("roi").decimalValue()).isEqualByComparingTo("-1"); // (0 - 3) / 3
        assertThat(row(rows, "use_case", "uc-thirds").get("cost_per_unit_usd").stringValue())
                .isEqualTo("0.333333333333");
        assertThat(row(rows, "use_case", "uc-thirds").get("roi").isNull()).isTrue();
    }

    @Test
    void budgetsForecastFromTheLastSevenFullDays() {
        List<Events> events = new ArrayList<>();
        events.add(costing("met", "bu-met", "2025-03-01T10:00:00Z", "10"));
        events.add(costing("over", "bu-over", "2025-03-05T10:00:00Z", "6"));
        for (int day = 3; day <= 9; day++) {
            events.add(costing("risk" + day, "bu-risk", "2025-03-0" + day + "T10:00:00Z", "2"));
        }
        ingest(events.toArray(Events[]::new));
        put("bu-met", "{\"monthly_budget_usd\": \"10\"}");
        put("bu-risk", "{\"monthly_budget_usd\": \"50\"}");
        put("bu-over", "{\"monthly_budget_usd\": \"5\"}");

        JsonNode rows =
                get("/api/v1/reports/budgets?month=2025-03&as_of=2025-03-10").get("rows");

        // as of the 10th, 21 full days are left; the last 7 full days are the 3rd to the 9th
        assertBudget(rows, "bu-met", "10.000000000000", "10.000000000000", "ok"); // exactly met, nothing lately
        assertBudget(rows, "bu-risk", "14.000000000000", "56.000000000000", "at_risk"); // 14 + 14 / 7 x 21
        assertBudget(rows, "bu-over", "6.000000000000", "24.000000000000", "over"); // 6 + 6 / 7 x 21
        JsonNode february =
                get("/api/v1/reports/budgets?month=2025-02&as_of=2025-03-10").get("rows");
        assertBudget(february, "bu-over", "0.000000000000", "0.000000000000", "ok");
    }

    @Test
    void anAnomalyIsAboveMeanPlusThreeSdAndAboveOneDollar() {
        List<Events> events = new ArrayList<>();
        for (int i = 0; i < 28; i++) { // the 28 days before 2025-05-01
            String day = java.time.LocalDate.of(2025, 4, 3).plusDays(i) + "T12:00:00Z";
            events.add(costing("spike" + i, "an-spike", day, "2")); // mean 2, sd 0
            events.add(costing("edge" + i, "an-edge", day, i % 2 == 0 ? "1" : "3")); // mean 2, sd 1
        }
        events.add(costing("spike-day", "an-spike", "2025-05-01T12:00:00Z", "10"));
        events.add(costing("edge-day", "an-edge", "2025-05-01T12:00:00Z", "5")); // equals 2 + 3 x 1: not above
        events.add(costing("small-day", "an-small", "2025-05-01T12:00:00Z", "0.9")); // no history, but under $1
        for (int i = 0; i < 9; i++) { // a use case 9 days old: its baseline is those 9 days, not 19 more at $0
            String day = java.time.LocalDate.of(2025, 4, 22).plusDays(i) + "T12:00:00Z";
            events.add(costing("recent" + i, "an-recent", day, "2"));
            if (i >= 6) { // 3 days old: too young to judge, however large its day
                events.add(costing("young" + i, "an-young", day, "2"));
            }
        }
        events.add(costing("recent-day", "an-recent", "2025-05-01T12:00:00Z", "3")); // above 2 + 3 x 0; with 19 zero
        events.add(costing("young-day", "an-young", "2025-05-01T12:00:00Z", "50")); // days: 3 < 0.64 + 3 x 0.93
        ingest(events.toArray(Events[]::new));

        assertThat(anomalyDetector.scan(java.time.LocalDate.of(2025, 5, 1))).isEqualTo(2);

        JsonNode rows = get("/api/v1/reports/anomalies?month=2025-05").get("rows");
        assertThat(texts(rows, "use_case")).containsExactlyInAnyOrder("an-spike", "an-recent");
        JsonNode spike = rows.valueStream()
                .filter(r -> r.get("use_case").stringValue().equals("an-spike"))
                .findFirst()
                .orElseThrow();
        assertThat(spike.get("day").stringValue()).isEqualTo("2025-05-01");
        assertThat(spike.get("cost_usd").stringValue()).isEqualTo("10.000000000000");
        assertThat(spike.get("baseline_mean_usd").stringValue()).isEqualTo("2.000000000000");
        assertThat(spike.get("baseline_sd_usd").stringValue()).isEqualTo("0.000000000000");
    }

    @Test
    void monthsEndAtMidnightInTheReportingZone() {
        ingest(
                costing("june-last", "mb-case", "2025-06-30T23:59:59Z", "1"),
                costing("july-first", "mb-case", "2025-07-01T00:00:00Z", "2"),
                costing("june-offset", "mb-case", "2025-07-01T01:30:00+02:00", "4")); // 23:30 UTC on June 30th

        assertThat(row(get("/api/v1/reports/pareto?month=2025-06").get("rows"), "use_case", "mb-case")
                        .get("cost_usd")
                        .stringValue())
                .isEqualTo("5.000000000000");
        assertThat(row(get("/api/v1/reports/pareto?month=2025-07").get("rows"), "use_case", "mb-case")
                        .get("cost_usd")
                        .stringValue())
                .isEqualTo("2.000000000000");
    }

    @Test
    void badMonthsAre400() {
        Api.Response response = api.getAsAdmin("/api/v1/reports/pareto?month=2025-13");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue())
                .isEqualTo("month");
    }

    private void ingest(Events... events) {
        api.ingestAll(api.newApp().apiKey(), List.of(events));
        rollupJob.catchUp(Duration.ofSeconds(30));
    }

    private void put(String useCase, String body) {
        api.putAsAdmin("/api/v1/use-cases/" + useCase, body);
    }

    private JsonNode get(String path) {
        Api.Response response = api.getAsAdmin(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertBudget(
            JsonNode rows, String useCase, String monthToDate, String forecast, String status) {
        JsonNode row = row(rows, "use_case", useCase);
        assertThat(row.get("month_to_date_usd").stringValue()).isEqualTo(monthToDate);
        assertThat(row.get("forecast_usd").stringValue()).isEqualTo(forecast);
        assertThat(row.get("status").stringValue()).isEqualTo(status);
    }

    static JsonNode row(JsonNode rows, String field, String value) {
        return rows.valueStream()
                .filter(r -> value.equals(r.get(field).stringValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + value + " in " + rows));
    }

    private static List<String> texts(JsonNode rows, String field) {
        return rows.valueStream().map(r -> r.get(field).stringValue()).toList();
    }
}
