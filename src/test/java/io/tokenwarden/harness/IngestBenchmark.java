package io.tokenwarden.harness;

import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Ingestion over HTTP against PostgreSQL's own bulk path, in one run on one database: the app (its
 * own JVM, -Xmx512m) takes N/3 events from K clients in batches of 1,000 with 5% of batches re-sent,
 * then the same rows are COPYed into a copy of the event table (same columns, defaults and
 * indexes); three such rounds, and the median ratio. Then 32 connections post one event per request,
 * and the same 32 connections measure the HTTP ceiling on the liveness probe. Prints figures and writes
 * target/ingest-benchmark.md; asserts nothing about time.
 * Run: ./mvnw -Pbench verify [-Dbench.ingest.events=N -Dbench.ingest.clients=K -Dbench.ingest.singles=N]
 */
class IngestBenchmark {

    private static final String COLUMNS = "app_id, event_id, occurred_at, use_case, model, model_id, input_tokens,"
            + " output_tokens, cache_creation_input_tokens, cache_read_input_tokens, cache_write_5m_tokens,"
            + " cache_write_1h_tokens, web_search_requests, service_tier, inference_geo, task_type, latency_class,"
            + " prefix_hash, prefix_tokens, conversation_id, conversation_turn, business_units, quality_score, tags,"
            + " cost, price_version_id";

    private static final int ROUNDS = 3;

    @Test
    void ingestionAgainstCopy() throws Exception {
        long events = Long.getLong("bench.ingest.events", 2_000_000L);
        int clients = Integer.getInteger("bench.ingest.clients", 4);
        long singles = Long.getLong("bench.ingest.singles", 150_000L);
        Path work = Files.createTempDirectory("tokenwarden-bench-");
        List<String> lines = new ArrayList<>();
        try (ExternalPostgres postgres = new ExternalPostgres(work.resolve("pg"));
                AppProcess app = new AppProcess(
                                Path.of("target", "harness", "ingest-benchmark.log"),
                                List.of(
                                        "-Xmx512m",
                                        "-XX:StartFlightRecording=filename=target/harness/ingest.jfr,settings=default",
                                        "--spring.datasource.url=" + postgres.jdbcUrl(),
                                        "--spring.datasource.username=postgres",
                                        "--tokenwarden.rate-limit.requests-per-second=1000000",
                                        "--tokenwarden.rate-limit.burst=1000000"))
                        .start()) {
            HeapSampler heap = new HeapSampler(app);
            String key = HarnessApi.newAppKey(app, "bench-batches");
            List<Double> ratios = new ArrayList<>();
            try (Connection con = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                con.createStatement().execute("CREATE TABLE usage_event_twin (LIKE usage_event INCLUDING ALL)");
                // Alternating rounds, so that a noisy minute on a shared machine weighs on both sides alike.
                for (int round = 1; round <= ROUNDS; round++) {
                    String prefix = "b" + round + "-";
                    double httpRate = batches(app, key, prefix, events / ROUNDS, clients, lines);
                    double copyRate = copy(con, prefix, work.resolve("rows.csv"), lines);
                    ratios.add(httpRate / copyRate);
                }
                lines.add(row(
                        "ratio HTTP / COPY, median of the " + ROUNDS + " rounds",
                        String.format(
                                "%.0f%%",
                                100 * ratios.stream().sorted().toList().get(ROUNDS / 2)),
                        "rounds: "
                                + ratios.stream()
                                        .map(r -> String.format("%.0f%%", 100 * r))
                                        .collect(Collectors.joining(", "))
                                + "; target: 50% or more"));
                singleEvents(app, con, singles, lines);
                wrkSingles(app, con, lines);
            }
            httpCeiling(app, lines);
            heap.close();
            lines.add(row("peak heap used by the app (sampled 4/s; -Xmx512m)", heap.peakMegabytes() + " MB", ""));
        }
        report(events, clients, lines);
    }

    private static double batches(
            AppProcess app, String key, String prefix, long events, int clients, List<String> lines) throws Exception {
        Workload workload = new Workload(prefix, Instant.now());
        LoadClient load = new LoadClient(
                app.uri("/api/v1/events"),
                key,
                workload,
                new LoadClient.Settings(clients, 1000, 0.05, events, Duration.ofSeconds(60)));
        long t0 = System.nanoTime();
        LoadFigures figures = load.start().awaitDone();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = figures.acknowledgedEvents() / seconds;
        lines.add(row(
                String.format(
                        "HTTP: %,d events (%s), %d clients, batches of 1,000, %d batches re-sent",
                        figures.acknowledgedEvents(), prefix, clients, figures.resentBatches.get()),
                String.format("%,.0f events/s (%.1f s)", rate, seconds),
                String.format(
                        "batch p50 %.0f ms, p99 %.0f ms; %d 5xx",
                        figures.batchMillis(50), figures.batchMillis(99), figures.answered5xx.get())));
        return rate;
    }

    /** The round's rows, exported and COPYed into the twin of the event table; returns rows per second. */
    private static double copy(Connection con, String prefix, Path csv, List<String> lines) throws Exception {
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        try (Writer out = Files.newBufferedWriter(csv)) {
            copy.copyOut(
                    "COPY (SELECT " + COLUMNS + " FROM usage_event WHERE event_id LIKE '" + prefix + "%') TO STDOUT"
                            + " (FORMAT csv)",
                    out);
        }
        long t0 = System.nanoTime();
        long rows;
        try (var in = Files.newBufferedReader(csv)) {
            rows = copy.copyIn("COPY usage_event_twin (" + COLUMNS + ") FROM STDIN (FORMAT csv)", in);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        lines.add(row(
                String.format("COPY FROM STDIN of the same %,d rows into a twin table (same indexes)", rows),
                String.format("%,.0f rows/s (%.1f s)", rows / seconds, seconds),
                "one connection, autocommit"));
        return rows / seconds;
    }

    /**
     * 32 connections posting one event per request, after as many requests to warm up (on two cores the
     * JIT compilers took a fifth of the CPU for the first minute, and a short warm-up halved the figure),
     * with the server's own time and the mean number of requests that shared a commit over the measured
     * run only. Every acknowledged event is then counted in the database.
     */
    private static void singleEvents(AppProcess app, Connection con, long events, List<String> lines) throws Exception {
        String key = HarnessApi.newAppKey(app, "bench-singles");
        singles(app, key, "w-", events);
        AppMetrics.Snapshot server = AppMetrics.snapshot(app, "http.server.requests?tag=uri:/api/v1/events");
        AppMetrics.Snapshot groups = AppMetrics.snapshot(app, "tokenwarden.ingest.commit.group.requests");
        CpuMeter cpu = CpuMeter.start(app.pid());
        SelectorLoad.Figures figures = singles(app, key, "s-", events);
        String cpuFigures = cpu.figures(figures.acknowledged());
        long stored = storedWithPrefix(con, "s-");
        lines.add(row(
                String.format(
                        "HTTP: %,d single-event requests on 32 connections (after %,d to warm up)",
                        figures.acknowledged(), events),
                String.format("%,.0f events/s (%.1f s)", figures.perSecond(), figures.seconds()),
                String.format(
                        "request p50 %.1f ms, p99 %.1f ms; server time %.1f ms (mean); %.1f requests per"
                                + " commit (mean); %s; %d 5xx; %,d of the acknowledged events found stored",
                        figures.millis(50),
                        figures.millis(99),
                        1000
                                * AppMetrics.snapshot(app, "http.server.requests?tag=uri:/api/v1/events")
                                        .meanSince(server),
                        AppMetrics.snapshot(app, "tokenwarden.ingest.commit.group.requests")
                                .meanSince(groups),
                        cpuFigures,
                        figures.failed(500, 599),
                        stored)));
        if (stored != figures.acknowledged()) {
            throw new IllegalStateException(
                    figures.acknowledged() + " single events acknowledged, " + stored + " stored");
        }
    }

    /**
     * The same single-event posts from wrk, when Debian's package is installed: 10 s to warm up its path,
     * then 20 s measured, then every request wrk counted must be stored (wrk may have sent up to one more
     * per connection when it stopped).
     */
    private static void wrkSingles(AppProcess app, Connection con, List<String> lines) throws Exception {
        if (!WrkSingles.installed()) {
            lines.addAll(WrkSingles.notInstalled());
            return;
        }
        String key = HarnessApi.newAppKey(app, "bench-wrk");
        WrkSingles.run(app, key, "kw", Duration.ofSeconds(10));
        CpuMeter cpu = CpuMeter.start(app.pid());
        WrkSingles.Figures figures = WrkSingles.run(app, key, "km", Duration.ofSeconds(20));
        String cpuFigures = cpu.figures(figures.requests());
        long stored = storedWithPrefix(con, "km");
        lines.add(row(
                "HTTP: single-event requests from wrk (C, 2 threads) on 32 connections for 20 s (after 10 s)",
                String.format("%,.0f events/s", figures.perSecond()),
                String.format(
                        "latency p50 %s, p99 %s; %s; %d answers not 2xx; %,d requests answered, %,d events stored",
                        figures.p50(), figures.p99(), cpuFigures, figures.non2xx(), figures.requests(), stored)));
        if (figures.non2xx() > 0 || stored < figures.requests() || stored > figures.requests() + 32) {
            throw new IllegalStateException("wrk: " + figures + ", " + stored + " stored");
        }
    }

    private static SelectorLoad.Figures singles(AppProcess app, String key, String prefix, long events)
            throws Exception {
        Workload workload = new Workload(prefix, Instant.now());
        URI base = app.uri("/");
        return SelectorLoad.run(address(app), 32, events, Duration.ofMinutes(10), n -> {
            StringBuilder json = new StringBuilder(512);
            workload.appendJson(json, n);
            return RawHttpConnection.postRequest(base, "/api/v1/events", "Bearer " + key, json.toString());
        });
    }

    private static long storedWithPrefix(Connection con, String prefix) throws Exception {
        try (var query = con.prepareStatement("SELECT count(*) FROM usage_event WHERE event_id LIKE ?")) {
            query.setString(1, prefix + "%");
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * What the same 32 connections get from the cheapest request the app serves (liveness: no database,
     * no body, no key), after 10 s to warm that path up: the ceiling of the HTTP stack on this machine.
     */
    private static void httpCeiling(AppProcess app, List<String> lines) throws Exception {
        byte[] get = RawHttpConnection.getRequest(app.uri("/"), "/actuator/health/liveness");
        SelectorLoad.run(address(app), 32, Long.MAX_VALUE, Duration.ofSeconds(10), n -> get);
        SelectorLoad.Figures figures =
                SelectorLoad.run(address(app), 32, Long.MAX_VALUE, Duration.ofSeconds(20), n -> get);
        lines.add(row(
                "HTTP ceiling: GET /actuator/health/liveness on the same 32 connections for 20 s (after 10 s)",
                String.format("%,.0f requests/s", figures.perSecond()),
                String.format("no body, no key, no database; p50 %.1f ms", figures.millis(50))));
    }

    private static InetSocketAddress address(AppProcess app) {
        return new InetSocketAddress("localhost", app.uri("/").getPort());
    }

    private static String row(String what, String a, String b) {
        return "| " + what + " | " + a + " | " + b + " |";
    }

    private static void report(long events, int clients, List<String> lines) throws Exception {
        StringBuilder out = new StringBuilder("\n## Ingestion, " + String.format("%,d", events) + " events from "
                + clients + " clients (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL 17 on loopback, fsync and"
                + " synchronous_commit on)\n\n| what | figure | figure |\n|---|---|---|\n");
        lines.forEach(line -> out.append(line).append('\n'));
        System.out.println(out);
        Files.writeString(Path.of("target", "ingest-benchmark.md"), out.toString());
    }
}
