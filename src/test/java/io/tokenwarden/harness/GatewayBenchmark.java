package io.tokenwarden.harness;

import io.tokenwarden.gateway.StandInUpstream;
import io.tokenwarden.harness.PacedCalls.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The gateway against calling the local stand-in of the Messages API directly, in the same run: added latency
 * at a paced rate (rounds alternate direct and gateway, so a noisy minute weighs on both), time to the first
 * event of a stream, and thousands of streams open at once (their success, the app's threads and heap). The app
 * runs in its own JVM (-Xmx512m, the deployed flags) on virtual threads; the stand-in and the clients share the test JVM. Prints
 * figures and writes target/gateway-benchmark.md; asserts nothing about time.
 * Run: ./mvnw -Pbench verify -Dtest=GatewayBenchmark [-Dbench.gateway.rate=1000 -Dbench.gateway.seconds=15
 * -Dbench.gateway.streams=2000 -Dbench.gateway.warmup=20 -Dbench.gateway.jfr=profile -Dbench.gateway.jvm="flags"]
 */
class GatewayBenchmark {

    /** Streams each way before the time to the first event is measured. */
    private static final int STREAM_WARM_UP = 1000;

    private static final String STREAM_BODY = PacedCalls.BODY.replace("{\"model\"", "{\"stream\":true,\"model\"");

    @Test
    void gatewayAgainstTheStandInDirectly() throws Exception {
        int rate = Integer.getInteger("bench.gateway.rate", 1000);
        int seconds = Integer.getInteger("bench.gateway.seconds", 15);
        int streams = Integer.getInteger("bench.gateway.streams", 2000);
        Path work = Files.createTempDirectory("tokenwarden-gateway-bench-");
        List<String> lines = new ArrayList<>();
        List<String> appCpu = new ArrayList<>();
        try (ExternalPostgres postgres = new ExternalPostgres(work.resolve("pg"));
                StandInUpstream upstream = new StandInUpstream();
                AppProcess app = new AppProcess(
                                Path.of("target", "harness", "gateway-benchmark.log"),
                                appOptions(
                                        postgres,
                                        upstream,
                                        work,
                                        "gateway",
                                        System.getProperty("bench.gateway.jvm", "")))
                        .start()) {
            upstream.keepReceived = false; // nothing here reads what the stand-in received
            String key = HarnessApi.newAppKey(app, "bench-gateway");
            Target direct = Target.direct(upstream.url());
            Target gateway = Target.gateway(app, key);
            upstream.pauseMillis = 0;
            // warm-up: connection pools and the JIT (during 20 s at 1,000 calls/s the app used twice the CPU it
            // used in the measured rounds after it)
            int warmUp = Integer.getInteger("bench.gateway.warmup", 20);
            PacedCalls.paced(gateway, rate, warmUp);
            PacedCalls.paced(direct, rate, warmUp);
            PacedCalls.clearTrace();
            lines.add(
                    "| measure | direct p50 | gateway p50 | added p50 | direct p99 | gateway p99 | added p99 | requests |");
            lines.add("|---|---|---|---|---|---|---|---|");
            try (TcpRelay relay = new TcpRelay(URI.create(upstream.url()).getPort())) {
                Target relayed = new Target(relay.uri(), "/v1/messages", "");
                PacedCalls.paced(relayed, rate, 2);
                for (int pace : new int[] {rate / 4, rate}) {
                    List<Long> directNanos = new ArrayList<>();
                    List<Long> gatewayNanos = new ArrayList<>();
                    List<Long> relayNanos = new ArrayList<>();
                    for (int round = 0; round < 2; round++) {
                        directNanos.addAll(PacedCalls.paced(direct, pace, seconds));
                        relayNanos.addAll(PacedCalls.paced(relayed, pace, seconds));
                        CpuMeter cpu = CpuMeter.start(app.pid());
                        List<Long> gatewayRound = PacedCalls.paced(gateway, pace, seconds);
                        gatewayNanos.addAll(gatewayRound);
                        if (round == 1) {
                            appCpu.add("gateway at " + pace + " calls/s, its last round: "
                                    + cpu.figures(gatewayRound.size()));
                        }
                    }
                    lines.add(row("JSON call at " + pace + " requests/s", directNanos, gatewayNanos));
                    lines.add(row(
                            "the same through a bare TCP relay (the floor of any proxy here)",
                            directNanos,
                            relayNanos));
                }
            }

            upstream.pauseMillis = 0; // warm-up: the stream path and new connections, as the JSON rounds had theirs
            for (int i = 0; i < 2 * STREAM_WARM_UP; i++) {
                firstEvent(i % 2 == 0 ? direct : gateway);
            }
            upstream.pauseMillis = 5; // the first event arrives before the next exists: nothing is buffered
            List<Long> directFirst = new ArrayList<>();
            List<Long> gatewayFirst = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                (i % 2 == 0 ? directFirst : gatewayFirst).add(firstEvent(i % 2 == 0 ? direct : gateway));
            }
            lines.add(row("time to the first stream event, each on a new connection", directFirst, gatewayFirst));
            List<List<Long>> keptAlive = firstEvents(direct, gateway, 200);
            lines.add(row(
                    "time to the first stream event on a keep-alive connection (as the SDKs' pools call)",
                    keptAlive.get(0),
                    keptAlive.get(1)));

            upstream.pauseMillis = 1_000; // 8 events: each stream stays open about 8 s
            try (HeapSampler heap = new HeapSampler(app)) {
                lines.add(concurrentStreams(gateway, streams, app)
                        + String.format(Locale.ROOT, "; app heap peak %d MB", heap.peakMegabytes()));
            }
        }
        lines.addAll(appCpu);
        lines.add(
                "app JVM: -Xmx512m " + String.join(" ", AppProcess.DEPLOYED_JVM_FLAGS) + " (as deployed), JFR settings "
                        + System.getProperty("bench.gateway.jfr", "default") + ", "
                        + System.getProperty("bench.gateway.jvm", "no other flags"));
        lines.forEach(System.out::println);
        PacedCalls.writeTrace();
        Files.write(Path.of("target", "gateway-benchmark.md"), lines);
    }

    /**
     * The app's JVM: 512 MB of heap, JFR to {@code target/harness/<name>.jfr}, and {@code flags} (space-separated JVM
     * options, {@code -Dbench.gateway.jvm} here) to try others.
     */
    static List<String> appOptions(
            ExternalPostgres postgres, StandInUpstream upstream, Path work, String name, String flags) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx512m",
                // where the app's time goes, for BENCHMARKS.md: jfr print --events jdk.ExecutionSample
                "-XX:StartFlightRecording=filename="
                        + Path.of("target", "harness", name + ".jfr").toAbsolutePath()
                        + ",settings=" + System.getProperty("bench.gateway.jfr", "default")));
        if (!flags.isBlank()) {
            options.addAll(List.of(flags.strip().split("\\s+")));
        }
        options.addAll(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--tokenwarden.gateway.upstream-url=" + upstream.url(),
                "--tokenwarden.gateway.spool-dir=" + work.resolve(name + "-spool")));
        return options;
    }

    /** Nanoseconds from the request's write to the first byte of the stream's first event (a fresh connection). */
    private static long firstEvent(Target target) throws IOException {
        try (Socket socket = PacedCalls.open(target)) {
            long sent = System.nanoTime();
            socket.getOutputStream().write(target.request(STREAM_BODY, "Connection: close\r\n"));
            long first = PacedCalls.Answers.untilBody(socket.getInputStream());
            // read to the end, as an SDK does: a reader that hangs up makes the gateway drop its upstream connection
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            return first - sent;
        }
    }

    /**
     * {@code count} streams each way, alternating, one after the other on one keep-alive connection per target:
     * each one's time to its first event, direct first.
     */
    private static List<List<Long>> firstEvents(Target direct, Target gateway, int count) throws IOException {
        List<Target> targets = List.of(direct, gateway);
        List<List<Long>> nanos = List.of(new ArrayList<>(), new ArrayList<>());
        try (Socket toDirect = PacedCalls.open(direct);
                Socket toGateway = PacedCalls.open(gateway)) {
            List<Socket> sockets = List.of(toDirect, toGateway);
            List<InputStream> ins = List.of(
                    new java.io.BufferedInputStream(toDirect.getInputStream()),
                    new java.io.BufferedInputStream(toGateway.getInputStream()));
            for (int i = 0; i < 2 * count; i++) {
                int t = i % 2;
                long sent = System.nanoTime();
                sockets.get(t).getOutputStream().write(targets.get(t).request(STREAM_BODY));
                nanos.get(t).add(PacedCalls.Answers.firstBodyByte(ins.get(t)) - sent);
            }
        }
        return nanos;
    }

    private static String concurrentStreams(Target target, int streams, AppProcess app) throws Exception {
        AtomicInteger completed = new AtomicInteger();
        AtomicLong peakThreads = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                all.add(clients.submit(() -> {
                    // Connection: close, so the stream's end is the connection's end: read to EOF on a keep-alive
                    // connection, each stream would last as long as the server's keep-alive timeout (about 60 s)
                    long opened = System.nanoTime();
                    try (Socket socket =
                            new Socket(target.base().getHost(), target.base().getPort())) {
                        socket.getOutputStream().write(target.request(STREAM_BODY, "Connection: close\r\n"));
                        if (new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                                .contains("message_stop")) {
                            completed.incrementAndGet();
                            longest.accumulateAndGet(System.nanoTime() - opened, Math::max);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(4_000); // all open and mid-stream
            for (double threads : AppMetrics.values(app, "jvm.threads.live")) {
                peakThreads.set(Math.max(peakThreads.get(), (long) threads));
            }
            for (Future<?> stream : all) {
                try {
                    stream.get();
                } catch (java.util.concurrent.ExecutionException ignored) {
                    // counted as not completed
                }
            }
        }
        return String.format(
                Locale.ROOT,
                "| %d streams open at once through the gateway | %d completed | app live threads "
                        + "mid-run %d | %.1f s in all, the longest stream %.1f s |",
                streams,
                completed.get(),
                peakThreads.get(),
                (System.nanoTime() - started) / 1e9,
                longest.get() / 1e9);
    }

    private static String row(String what, List<Long> direct, List<Long> gateway) {
        double d50 = PacedCalls.percentile(direct, 0.50);
        double g50 = PacedCalls.percentile(gateway, 0.50);
        double d99 = PacedCalls.percentile(direct, 0.99);
        double g99 = PacedCalls.percentile(gateway, 0.99);
        return String.format(
                Locale.ROOT,
                "| %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %d + %d |",
                what,
                d50,
                g50,
                g50 - d50,
                d99,
                g99,
                g99 - d99,
                direct.size(),
                gateway.size());
    }
}
