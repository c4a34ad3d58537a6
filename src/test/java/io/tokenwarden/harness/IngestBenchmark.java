package io.tokenwarden.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Ingestion over HTTP against PostgreSQL's own bulk path, in one run on one database: the app (its
 * own JVM, -Xmx512m) takes N/3 events from K clients in batches of 1,000 with 5% of batches re-sent,
 * then the same rows are COPYed into a copy of the event table (same columns, defaults and
 * indexes); three such rounds, and the median ratio. Then 32 clients post one event per request, and
 * the same 32 clients measure the HTTP ceiling on the liveness probe. Prints figures and writes
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
        long singles = Long.getLong("bench.ingest.singles", 60_000L);
        Path work = Files.createTempDirectory("tokenwarden-bench-");
        List<String> lines = new ArrayList<>();
        try (ExternalPostgres postgres = new ExternalPostgres(work.resolve("pg"));
             AppProcess app = new AppProcess(Path.of("target", "harness", "ingest-benchmark.log"), List.of(
                     "-Xmx512m", "-XX:StartFlightRecording=filename=target/harness/ingest.jfr,settings=profile",
                     "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                     "--tokenwarden.rate-limit.requests-per-second=1000000", "--tokenwarden.rate-limit.burst=1000000"))
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
            }
            lines.add(row("ratio HTTP / COPY, median of the " + ROUNDS + " rounds", String.format("%.0f%%",
                    100 * ratios.stream().sorted().toList().get(ROUNDS / 2)), "rounds: " + ratios.stream()
                    .map(r -> String.format("%.0f%%", 100 * r)).collect(Collectors.joining(", ")) + "; target: 50% or more"));
            singleEvents(app, singles, lines);
            httpCeiling(app, lines);
            heap.close();
            lines.add(row("peak heap used by the app (sampled 4/s; -Xmx512m)", heap.peakMegabytes() + " MB", ""));
        }
        report(events, clients, lines);
    }

    private static double batches(AppProcess app, String key, String prefix, long events, int clients, List<String> lines)
            throws Exception {
        Workload workload = new Workload(prefix, Instant.now());
        LoadClient load = new LoadClient(app.uri("/api/v1/events"), key,
                workload, new LoadClient.Settings(clients, 1000, 0.05, events, Duration.ofSeconds(60)));
        long t0 = System.nanoTime();
        LoadFigures figures = load.start().awaitDone();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = figures.acknowledgedEvents() / seconds;
        lines.add(row(String.format("HTTP: %,d events (%s), %d clients, batches of 1,000, %d batches re-sent",
                        figures.acknowledgedEvents(), prefix, clients, figures.resentBatches.get()),
                String.format("%,.0f events/s (%.1f s)", rate, seconds),
                String.format("batch p50 %.0f ms, p99 %.0f ms; %d 5xx", figures.batchMillis(50),
                        figures.batchMillis(99), figures.answered5xx.get())));
        return rate;
    }

    /** The round's rows, exported and COPYed into the twin of the event table; returns rows per second. */
    private static double copy(Connection con, String prefix, Path csv, List<String> lines) throws Exception {
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        try (Writer out = Files.newBufferedWriter(csv)) {
            copy.copyOut("COPY (SELECT " + COLUMNS + " FROM usage_event WHERE event_id LIKE '" + prefix + "%') TO STDOUT"
                    + " (FORMAT csv)", out);
        }
        long t0 = System.nanoTime();
        long rows;
        try (var in = Files.newBufferedReader(csv)) {
            rows = copy.copyIn("COPY usage_event_twin (" + COLUMNS + ") FROM STDIN (FORMAT csv)", in);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        lines.add(row(String.format("COPY FROM STDIN of the same %,d rows into a twin table (same indexes)", rows),
                String.format("%,.0f rows/s (%.1f s)", rows / seconds, seconds), "one connection, autocommit"));
        return rows / seconds;
    }

    /**
     * 32 clients posting one event per request: first a warm-up (the JIT compilers took a fifth of the CPU
     * for the first minute on 2 cores), then the measured run, with the server's own time and the mean
     * number of requests that shared a commit over the measured run only.
     */
    private static void singleEvents(AppProcess app, long events, List<String> lines) throws Exception {
        String key = HarnessApi.newAppKey(app, "bench-singles");
        singles(app, key, "w-", events / 3);
        AppMetrics.Snapshot server = AppMetrics.snapshot(app, "http.server.requests?tag=uri:/api/v1/events");
        AppMetrics.Snapshot groups = AppMetrics.snapshot(app, "tokenwarden.ingest.commit.group.requests");
        long t0 = System.nanoTime();
        LoadFigures figures = singles(app, key, "s-", events);
        double seconds = (System.nanoTime() - t0) / 1e9;
        lines.add(row(String.format("HTTP: %,d single-event requests from 32 clients (after %,d to warm up)",
                        figures.acknowledgedEvents(), events / 3),
                String.format("%,.0f events/s (%.1f s)", figures.acknowledgedEvents() / seconds, seconds),
                String.format("request p50 %.1f ms, p99 %.1f ms; server time %.1f ms (mean); %.1f requests per"
                                + " commit (mean); %d 5xx", figures.batchMillis(50), figures.batchMillis(99),
                        1000 * AppMetrics.snapshot(app, "http.server.requests?tag=uri:/api/v1/events").meanSince(server),
                        AppMetrics.snapshot(app, "tokenwarden.ingest.commit.group.requests").meanSince(groups),
                        figures.answered5xx.get())));
    }

    private static LoadFigures singles(AppProcess app, String key, String prefix, long events) throws Exception {
        return new LoadClient(app.uri("/api/v1/events"), key, new Workload(prefix, Instant.now()),
                new LoadClient.Settings(32, 1, 0, events, Duration.ofSeconds(60))).start().awaitDone();
    }

    /**
     * What the same 32 clients get from the cheapest request the app serves (liveness: no database, no
     * body, no key): the ceiling for single-event posts that the HTTP stack on this machine allows.
     */
    private static void httpCeiling(AppProcess app, List<String> lines) throws Exception {
        long seconds = 20;
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong answered = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Thread client = new Thread(() -> {
                try (RawHttpConnection http = new RawHttpConnection(app.uri("/"), Duration.ofSeconds(2), Duration.ofSeconds(10))) {
                    while (System.nanoTime() < until) {
                        if (http.get("/actuator/health/liveness").status() == 200) {
                            answered.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        lines.add(row("HTTP ceiling: GET /actuator/health/liveness from the same 32 clients for " + seconds + " s",
                String.format("%,d requests/s", answered.get() / seconds), "no body, no key, no database"));
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
