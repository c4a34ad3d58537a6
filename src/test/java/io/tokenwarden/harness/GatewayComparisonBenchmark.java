package io.tokenwarden.harness;

import io.tokenwarden.gateway.StandInUpstream;
import io.tokenwarden.harness.PacedCalls.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two apps side by side in one run: the app as deployed (the baseline) and the app with the JVM options of
 * {@code -Dbench.gateway.compare} (the variant), in front of the same stand-in and PostgreSQL. Each round calls the
 * stand-in directly, then both gateways (their order swapped every round), so that the machine's noise, which on this
 * shared 2-core machine moves a round's p99 by several milliseconds from one minute to the next, weighs on both
 * alike. With {@code -Dbench.gateway.compare=} (empty) both apps are the same: an A/A run, which shows that noise. Prints
 * each round's percentiles and app CPU per call, then all rounds pooled; writes target/gateway-comparison.md and the
 * timed calls to target/gateway-latencies.csv. Asserts nothing about time.
 * Run: ./mvnw -Pbench verify -Dtest=GatewayComparisonBenchmark -Dbench.gateway.compare="flags"
 * [-Dbench.gateway.rate=1000 -Dbench.gateway.seconds=10 -Dbench.gateway.rounds=6 -Dbench.gateway.warmup=20]
 */
class GatewayComparisonBenchmark {

    /** One app under test and the latencies of its calls in all rounds. */
    private record Arm(String name, AppProcess app, Target target, List<Long> nanos) {

        static Arm of(String name, AppProcess app) throws Exception {
            String key = HarnessApi.newAppKey(app, "bench-" + name);
            return new Arm(name, app, Target.gateway(app, key), new ArrayList<>());
        }

        /** One round of calls through this app; its percentiles and the app's CPU per call, for the report. */
        String round(int rate, int seconds) throws Exception {
            CpuMeter cpu = CpuMeter.start(app.pid());
            List<Long> round = PacedCalls.paced(target, rate, seconds);
            nanos.addAll(round);
            return name + " " + percentiles(round) + ", " + cpu.figures(round.size());
        }
    }

    /** Only when asked for: {@code -Dbench.gateway.compare=} (empty) is an A/A run, so {@code -Pbench} alone skips it. */
    @Test
    @EnabledIfSystemProperty(named = "bench.gateway.compare", matches = ".*")
    void baselineAgainstVariant() throws Exception {
        int rate = Integer.getInteger("bench.gateway.rate", 1000);
        int seconds = Integer.getInteger("bench.gateway.seconds", 10);
        int rounds = Integer.getInteger("bench.gateway.rounds", 6);
        String flags = System.getProperty("bench.gateway.compare", "");
        Path work = Files.createTempDirectory("tokenwarden-gateway-comparison-");
        List<String> lines = new ArrayList<>();
        try (ExternalPostgres postgres = new ExternalPostgres(work.resolve("pg"));
                StandInUpstream upstream = new StandInUpstream();
                AppProcess baselineApp = start(postgres, upstream, work, "baseline", "");
                AppProcess variantApp = start(postgres, upstream, work, "variant", flags)) {
            upstream.keepReceived = false;
            Target direct = Target.direct(upstream.url());
            List<Arm> arms = List.of(Arm.of("baseline", baselineApp), Arm.of("variant", variantApp));
            int warmUp = Integer.getInteger("bench.gateway.warmup", 20);
            for (Arm arm : arms) {
                PacedCalls.paced(arm.target(), rate, warmUp);
            }
            PacedCalls.paced(direct, rate, 5);
            PacedCalls.clearTrace();
            List<Long> directNanos = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<Long> directRound = PacedCalls.paced(direct, rate, seconds);
                directNanos.addAll(directRound);
                lines.add("round " + round + " at " + rate + " calls/s: direct " + percentiles(directRound));
                for (Arm arm : round % 2 == 0 ? arms : arms.reversed()) {
                    lines.add("  " + arm.round(rate, seconds));
                }
            }
            lines.add("all rounds: direct " + percentiles(directNanos) + "; baseline "
                    + percentiles(arms.get(0).nanos()) + "; variant "
                    + percentiles(arms.get(1).nanos()));
            lines.add("ports in target/gateway-latencies.csv: direct "
                    + direct.base().getPort() + ", baseline "
                    + arms.get(0).target().base().getPort() + ", variant "
                    + arms.get(1).target().base().getPort());
        }
        lines.add("baseline: -Xmx512m " + String.join(" ", AppProcess.DEPLOYED_JVM_FLAGS) + " (as deployed); variant: "
                + (flags.isBlank() ? "the same (an A/A run)" : "the same and " + flags));
        lines.forEach(System.out::println);
        PacedCalls.writeTrace();
        Files.write(Path.of("target", "gateway-comparison.md"), lines);
    }

    private static AppProcess start(
            ExternalPostgres postgres, StandInUpstream upstream, Path work, String name, String flags)
            throws Exception {
        return new AppProcess(
                        Path.of("target", "harness", "gateway-" + name + ".log"),
                        GatewayBenchmark.appOptions(postgres, upstream, work, "gateway-" + name, flags))
                .start();
    }

    private static String percentiles(List<Long> nanos) {
        return String.format(
                Locale.ROOT,
                "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (%d calls)",
                PacedCalls.percentile(nanos, 0.50),
                PacedCalls.percentile(nanos, 0.90),
                PacedCalls.percentile(nanos, 0.99),
                nanos.size());
    }
}
