package io.tokenwarden.analytics;

import static io.tokenwarden.support.Events.costing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every rollup row equals a SUM over its raw events, to the last digit, whatever happened:
 * high cardinality, late events, re-pricing, a crashed run, two runs at once. Uses 2023, which no
 * other test writes to.
 */
@IntegrationTest
class RollupInvariantTest {

    private static final String[] MODELS = {
        "claude-haiku-4-5", "claude-sonnet-4-6", "claude-opus-4-6", "claude-3-haiku-20240307"
    };

    @Autowired
    Api api;

    @Autowired
    RollupJob job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Test
    void rollupsEqualRawSumsAtHighCardinality() {
        Api.NewApp app = api.newApp();
        List<Events> events = new ArrayList<>();
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < 20_800; i++) { // 260 days x 20 use cases x 4 models: 20,800 distinct groups
            int combo = i % 80;
            Events e = Events.event("hc-" + i)
                    .with("occurred_at", start.plusDays(i / 80) + "T" + String.format("%02d", i % 24) + ":30:00Z")
                    .with("use_case", "hc-use-" + combo % 20)
                    .with("model", MODELS[combo / 20])
                    .usage("input_tokens", 1000 + i)
                    .usage("output_tokens", 7 * i % 900)
                    .usage("cache_read_input_tokens", i % 3 == 0 ? 2048 : 0)
                    .with("business_units", i % 4 == 0 ? 0.25 : 1)
                    .with("tags", Map.of("team", "t" + i % 3));
            if (i % 10 == 0) {
                e.usage("service_tier", "batch");
            }
            events.add(e);
        }
        api.ingestAll(app.apiKey(), events);
        job.catchUp(Duration.ofSeconds(30));

        assertThat(groups("2023-01-01", "2023-09-30")).isGreaterThanOrEqualTo(20_000);
        assertRollupsEqualRawSums();
    }

    @Test
    void lateEventsAndRepricingReachTheRollups() {
        Api.NewApp app = api.newApp();
        String model = "claude-late-" + app.name();
        api.ingestAll(
                app.apiKey(),
                List.of(
                        costing("l1", "late-case", "2023-10-01T10:00:00Z", "2"),
                        Events.event("l2")
                                .with("use_case", "late-case")
                                .with("occurred_at", "2023-10-01T11:00:00Z")
                                .with("model", model)));
        job.catchUp(Duration.ofSeconds(30));
        assertRollupsEqualRawSums();

        api.ingestAll(app.apiKey(), List.of(costing("l3", "late-case", "2023-10-01T12:00:00Z", "3")));
        api.postAsAdmin(
                "/api/v1/prices",
                api.toJson(Map.of(
                        "model",
                        model,
                        "effective_from",
                        "2023-01-01T00:00:00Z",
                        "input_per_mtok",
                        "1",
                        "output_per_mtok",
                        "1",
                        "cache_write_5m_per_mtok",
                        "1",
                        "cache_write_1h_per_mtok",
                        "1",
                        "cache_read_per_mtok",
                        "1")));
        job.catchUp(Duration.ofSeconds(30));

        assertRollupsEqualRawSums();
        // 2 + 3 + (1,000 + 100 tokens at $1 per million) = 5.0011
        assertThat(jdbc.sql("SELECT sum(cost) FROM daily_rollup WHERE use_case = 'late-case'")
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("5.0011");
    }

    @Test
    void aRunThatDiesBeforeCommitLeavesNothingAndTheNextRunCompletes() {
        Api.NewApp app = api.newApp();
        job.catchUp(Duration.ofSeconds(30));
        api.ingestAll(app.apiKey(), List.of(costing("k1", "crash-case", "2023-11-01T10:00:00Z", "4")));

        transaction.executeWithoutResult(status -> {
            job.step("usage_event");
            status.setRollbackOnly(); // the process dies here: nothing of this run is committed
        });
        assertThat(rolledUpCost("crash-case")).isNull();

        job.catchUp(Duration.ofSeconds(30));
        assertThat(rolledUpCost("crash-case")).isEqualByComparingTo("4");
        assertRollupsEqualRawSums();
    }

    @Test
    void twoInstancesRunningAtOnceCountEachEventOnce() {
        Api.NewApp app = api.newApp();
        List<Events> events = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            events.add(costing("p" + i, "parallel-case", "2023-12-0" + (1 + i % 9) + "T10:00:00Z", "0.01"));
        }
        CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> api.ingestAll(app.apiKey(), events));
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> repeat(job::runOnce));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> repeat(job::runOnce));
        CompletableFuture.allOf(ingest, first, second).join();
        job.catchUp(Duration.ofSeconds(30));

        assertThat(rolledUpCost("parallel-case")).isEqualByComparingTo("30");
        assertRollupsEqualRawSums();
    }

    @Test
    void eventsCommittedWhileAnOlderTransactionIsOpenWaitForItThenAreAbsorbed() throws Exception {
        Api.NewApp app = api.newApp();
        try (Connection older = dataSource.getConnection()) {
            older.setAutoCommit(false);
            try (Statement statement = older.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()"); // an xid below the event's: it holds the window
            }
            api.ingestAll(app.apiKey(), List.of(costing("w1", "waiting-case", "2023-12-20T10:00:00Z", "6")));

            job.runOnce();
            assertThat(rolledUpCost("waiting-case"))
                    .as("not past an open older transaction")
                    .isNull();
            assertThatThrownBy(() -> job.catchUp(Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still open");
            older.commit();
        }
        job.catchUp(Duration.ofSeconds(30));
        assertThat(rolledUpCost("waiting-case")).isEqualByComparingTo("6");
        assertRollupsEqualRawSums();
    }

    private static void repeat(Runnable run) {
        for (int i = 0; i < 10; i++) {
            run.run();
        }
    }

    private java.math.BigDecimal rolledUpCost(String useCase) {
        return jdbc.sql("SELECT sum(cost) FROM daily_rollup WHERE use_case = ?")
                .param(useCase)
                .query(java.math.BigDecimal.class)
                .list()
                .get(0);
    }

    private long groups(String from, String to) {
        return jdbc.sql(
                        "SELECT count(DISTINCT (day, use_case, model_key)) FROM daily_rollup WHERE day BETWEEN ?::date AND ?::date")
                .params(from, to)
                .query(Long.class)
                .single();
    }

    /** Raw sums per rollup key, full-outer-joined to the rollups: any difference is a row here. */
    private void assertRollupsEqualRawSums() {
        List<Map<String, Object>> differences = jdbc.sql("""
                WITH raw AS (
                    SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, app_id, use_case,
                           coalesce(model_id, model) AS model_key, service_tier, count(*) AS requests,
                           sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
                           sum(cache_read_input_tokens) AS cache_read, sum(cache_creation_input_tokens) AS cache_creation,
                           coalesce(sum(cost), 0) AS cost, coalesce(sum(business_units), 0) AS units,
                           count(*) FILTER (WHERE cost IS NULL) AS unpriced
                    FROM usage_event GROUP BY 1, 2, 3, 4, 5)
                SELECT * FROM raw FULL OUTER JOIN daily_rollup r USING (day, app_id, use_case, model_key, service_tier)
                WHERE raw.requests IS DISTINCT FROM r.requests OR raw.input_tokens IS DISTINCT FROM r.input_tokens
                   OR raw.output_tokens IS DISTINCT FROM r.output_tokens
                   OR raw.cache_read IS DISTINCT FROM r.cache_read_input_tokens
                   OR raw.cache_creation IS DISTINCT FROM r.cache_creation_input_tokens
                   OR raw.cost IS DISTINCT FROM r.cost OR raw.units IS DISTINCT FROM r.business_units
                   OR raw.unpriced IS DISTINCT FROM r.unpriced_events
                LIMIT 5""").query().listOfRows();
        assertThat(differences).isEmpty();
        List<Map<String, Object>> tagDifferences = jdbc.sql("""
                WITH raw AS (
                    SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, t.key AS tag_key, t.value AS tag_value,
                           count(*) AS requests, coalesce(sum(cost), 0) AS cost
                    FROM usage_event CROSS JOIN LATERAL jsonb_each_text(tags) t GROUP BY 1, 2, 3)
                SELECT * FROM raw FULL OUTER JOIN daily_tag_rollup r USING (day, tag_key, tag_value)
                WHERE raw.requests IS DISTINCT FROM r.requests OR raw.cost IS DISTINCT FROM r.cost
                LIMIT 5""").query().listOfRows();
        assertThat(tagDifferences).isEmpty();
        assertThat(regroupedDifferences(
                        "monthly_rollup",
                        List.of("month", "app_id", "use_case", "model_key", "service_tier"),
                        List.of(
                                "date_trunc('month', day::timestamp)::date",
                                "app_id",
                                "use_case",
                                "model_key",
                                "service_tier")))
                .as("each month equals the sum of its days")
                .isEmpty();
        assertThat(regroupedDifferences(
                        "daily_use_case_rollup", List.of("day", "use_case"), List.of("day", "use_case")))
                .as("each use case's day equals the sum of its rows in daily_rollup")
                .isEmpty();
    }

    private static final List<String> SUMS = List.of(
            "requests",
            "input_tokens",
            "output_tokens",
            "cache_creation_input_tokens",
            "cache_read_input_tokens",
            "cache_write_5m_tokens",
            "cache_write_1h_tokens",
            "web_search_requests",
            "cost",
            "business_units",
            "unpriced_events");

    /** Rows where a coarser rollup differs, in any sum, from daily_rollup summed by that rollup's key. */
    private List<Map<String, Object>> regroupedDifferences(String table, List<String> keys, List<String> keyValues) {
        String key = IntStream.range(0, keys.size())
                .mapToObj(i -> keyValues.get(i) + " AS " + keys.get(i))
                .collect(Collectors.joining(", "));
        String sums = SUMS.stream().map(c -> "sum(" + c + ") AS " + c).collect(Collectors.joining(", "));
        String differs =
                SUMS.stream().map(c -> "days." + c + " IS DISTINCT FROM r." + c).collect(Collectors.joining(" OR "));
        return jdbc.sql("WITH days AS (SELECT " + key + ", " + sums + " FROM daily_rollup GROUP BY "
                        + String.join(", ", keyValues) + ") SELECT * FROM days FULL OUTER JOIN " + table + " r USING ("
                        + String.join(", ", keys) + ") WHERE " + differs + " LIMIT 5")
                .query()
                .listOfRows();
    }
}
