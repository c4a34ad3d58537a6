package io.tokenwarden.analytics;

import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import io.tokenwarden.support.PageSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Report latency at scale: loads N events (default 10,000,000) over 90 days for 50 use cases and
 * 8 models with COPY, lets the rollup job absorb them, then times the spend and Pareto reports
 * over HTTP (as a script calls them) next to the same aggregation straight from the event table.
 * Prints figures; asserts nothing about time. Run: ./mvnw -Pbench verify [-Dbench.events=N]
 */
@IntegrationTest
@TestPropertySource(properties = "tokenwarden.rollup.interval=PT24H")
class ReportBenchmark {

    /** 101 timed calls, so that the p95 is the 96th of them, not the second slowest of 21. */
    private static final int RUNS = 101;
    /** Calls before timing, so that the JIT has compiled the path: the figures are a running server's. */
    private static final int WARM_UP = 20;

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    @Autowired
    PriceCatalog catalog;

    @Autowired
    RollupJob rollupJob;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SpendQuery spendQuery;

    @Autowired
    ParetoQuery paretoQuery;

    @Autowired
    ReportCache cache;

    @Test
    void reportsAtScale() throws Exception {
        long events = Long.getLong("bench.events", 10_000_000L);
        long appId = jdbc.sql("SELECT id FROM app WHERE name = ?")
                .param(api.newApp().name())
                .query(Long.class)
                .single();
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Instant start = lastDay.minusDays(89).atStartOfDay().toInstant(ZoneOffset.UTC);
        EventLoader loader = new EventLoader(dataSource, catalog.current(), 50);
        List<String> lines = new ArrayList<>();

        long t0 = System.nanoTime();
        loader.load(appId, "bench-", events, start, 90L * 86_400, 42);
        lines.add(row(
                "COPY of " + events + " events",
                seconds(t0) + " s (" + loader.writingNanos / 1_000_000_000 + " s of it waiting on PostgreSQL)",
                rate(events, t0)));
        // COPY bypasses the ingestion path, which would have registered the use cases.
        jdbc.sql(
                        "INSERT INTO use_case (name) SELECT 'use-case-' || n FROM generate_series(0, 49) n ON CONFLICT DO NOTHING")
                .update();
        t0 = System.nanoTime();
        rollupJob.runOnce();
        lines.add(row("rollup job absorbs all of them (one run)", seconds(t0) + " s", rate(events, t0)));

        long day = events / 90;
        loader.load(appId, "late-day-", day, lastDay.atStartOfDay().toInstant(ZoneOffset.UTC), 86_400, 7);
        t0 = System.nanoTime();
        rollupJob.runOnce();
        lines.add(row("rollup job absorbs one more day (" + day + " events)", millis(t0) + " ms", rate(day, t0)));

        YearMonth month = YearMonth.from(lastDay);
        String from = month.atDay(1).toString();
        String to = month.atEndOfMonth().toString();
        lines.add(timed(
                "spend report (month, by use case), server work (no cache)",
                () -> spendQuery
                        .run(
                                month.atDay(1),
                                month.atEndOfMonth(),
                                SpendGrouping.parse("use_case"),
                                io.tokenwarden.usecase.Scope.ALL)
                        .rows()
                        .size()));
        lines.add(timed(
                "Pareto report (month), server work (no cache)",
                () -> paretoQuery
                        .run(month, io.tokenwarden.usecase.Scope.ALL)
                        .rows()
                        .size()));
        lines.addAll(warmAndCold(
                "GET /api/v1/reports/spend (month, by use case) over HTTP",
                () -> api.getAsAdmin("/api/v1/reports/spend?from=" + from + "&to=" + to + "&group_by=use_case")
                        .status()));
        lines.addAll(warmAndCold(
                "GET /api/v1/reports/pareto (month) over HTTP",
                () -> api.getAsAdmin("/api/v1/reports/pareto?month=" + month).status()));
        lines.add(timed(
                "the same month by use case from the event table (SQL)",
                1,
                () -> jdbc.sql("""
                        SELECT use_case, count(*), sum(input_tokens), sum(output_tokens), sum(cost) FROM usage_event
                        WHERE occurred_at >= ?::date AND occurred_at < ?::date + 1 GROUP BY use_case""").params(from, to).query().listOfRows().size()));
        lines.add(timed(
                "the same month by use case from the rollup (SQL)",
                () -> jdbc.sql("""
                        SELECT use_case, sum(requests), sum(input_tokens), sum(output_tokens), sum(cost) FROM daily_rollup
                        WHERE day BETWEEN ?::date AND ?::date GROUP BY use_case""").params(from, to).query().listOfRows().size()));
        lines.addAll(warmAndCold(
                "GET /api/v1/reports/unit-costs (month) over HTTP",
                () -> api.getAsAdmin("/api/v1/reports/unit-costs?month=" + month)
                        .status()));
        PageSession pages = PageSession.signIn(api, "admin", Api.ADMIN_PASSWORD);
        for (String page :
                List.of("/dashboard", "/dashboard/data", "/features/use-case-0", "/features/use-case-0/data")) {
            lines.addAll(warmAndCold("GET " + page + " over HTTP (signed-in session)", () -> pages.get(page)));
        }
        lines.add(rewarm(
                () -> List.of("/dashboard", "/dashboard/data", "/features/use-case-0", "/features/use-case-0/data")
                        .forEach(pages::get)));
        lines.add(timed(
                "GET /api/v1/prices over HTTP (auth and HTTP overhead alone)",
                () -> api.getAsAdmin("/api/v1/prices").status()));
        report(events, lines);
    }

    /**
     * The call with the report cache warm (as it is after a rollup run for anything read in the last
     * ten minutes), and with nothing cached (emptied before each call).
     */
    private List<String> warmAndCold(String what, Supplier<Object> call) {
        return List.of(timed(what + ", report cache warm", call), timed(what + ", nothing cached", () -> {
            cache.invalidateAfterCommit();
            return call.get();
        }));
    }

    /** What a rollup run adds to keep those warm: computing again every report this benchmark read. */
    private String rewarm(Runnable readEverything) {
        readEverything.run();
        List<Long> micros = new ArrayList<>();
        int reports = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            reports = cache.invalidateAndRewarm();
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        return row(
                "a rollup run computes the " + reports + " reports read recently again (after its commit)",
                "p50 " + micros.get(2) / 1000.0 + " ms",
                "max " + micros.get(4) / 1000.0 + " ms");
    }

    private String timed(String what, Supplier<Object> call) {
        return timed(what, WARM_UP, call);
    }

    private String timed(String what, int warmUp, Supplier<Object> call) {
        for (int i = 0; i < warmUp; i++) {
            call.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            call.get();
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        return row(
                what,
                "p50 " + micros.get(RUNS / 2) / 1000.0 + " ms",
                "p95 " + micros.get(RUNS * 95 / 100) / 1000.0 + " ms");
    }

    private static String row(String what, String a, String b) {
        return "| " + what + " | " + a + " | " + b + " |";
    }

    private static String seconds(long t0) {
        return String.format("%.1f", (System.nanoTime() - t0) / 1e9);
    }

    private static String millis(long t0) {
        return String.valueOf((System.nanoTime() - t0) / 1_000_000);
    }

    private static String rate(long rows, long t0) {
        return String.format("%,.0f rows/s", rows / ((System.nanoTime() - t0) / 1e9));
    }

    private static void report(long events, List<String> lines) throws Exception {
        StringBuilder out = new StringBuilder("\n## Reports at " + String.format("%,d", events) + " events ("
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors()
                + " cores, embedded PostgreSQL 17, fsync on)\n\n| what | figure | figure |\n|---|---|---|\n");
        lines.forEach(line -> out.append(line).append('\n'));
        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "report-benchmark.md"), out.toString());
    }
}
