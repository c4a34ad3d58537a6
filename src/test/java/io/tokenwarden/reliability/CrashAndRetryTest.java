package io.tokenwarden.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.harness.AppProcess;
import io.tokenwarden.harness.ExternalPostgres;
import io.tokenwarden.harness.ExternalPostgres.Stop;
import io.tokenwarden.harness.HarnessApi;
import io.tokenwarden.harness.LoadClient;
import io.tokenwarden.harness.LoadFigures;
import io.tokenwarden.harness.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenarios 1, 2 and 4 of the reliability issue against the real app in a process of its own.
 * Eight clients post batches and keep a ledger; mid-run the app is killed with SIGKILL twice,
 * stopped with SIGTERM once, and PostgreSQL is stopped fast once, immediately once and (external
 * mode) for an outage. Afterwards the database must hold exactly the acknowledged events at exactly
 * the client's own cost. CI runs the short form; {@code -Dreliability.long=true} (the
 * {@code reliability} profile) runs long phases, batches of 1,000 and a 30-second outage.
 */
class CrashAndRetryTest {

    enum Mode {
        EMBEDDED,
        EXTERNAL
    }

    private static final boolean LONG = Boolean.getBoolean("reliability.long");
    private static final Duration PHASE = Duration.ofSeconds(LONG ? 20 : 3);
    private static final Duration OUTAGE = Duration.ofSeconds(LONG ? 30 : 5);

    @ParameterizedTest
    @EnumSource(Mode.class)
    void nothingAcknowledgedIsLostAndNothingIsCountedTwice(Mode mode) throws Exception {
        Path work = Files.createTempDirectory("tokenwarden-crash-");
        ExternalPostgres external = mode == Mode.EXTERNAL ? new ExternalPostgres(work.resolve("pg")) : null;
        Path dataDir = work.resolve("pg");
        List<String> arguments = external == null
                ? List.of("--tokenwarden.embedded.data-dir=" + dataDir)
                : List.of("--spring.datasource.url=" + external.jdbcUrl(), "--spring.datasource.username=postgres");
        AppProcess app = new AppProcess(Path.of("target", "harness", "crash-" + mode + ".log"), arguments).start();
        Workload workload = new Workload("crash-", Instant.now());
        LoadClient load = new LoadClient(
                        app.uri("/api/v1/events"),
                        HarnessApi.newAppKey(app, "crash-test"),
                        workload,
                        new LoadClient.Settings(8, LONG ? 1000 : 100, 0.05, Long.MAX_VALUE, Duration.ofSeconds(10)))
                .start();
        List<String> steps = new ArrayList<>();
        try {
            pause();
            app.kill();
            steps.add("SIGKILL app, restarted in " + restart(app));
            pause();
            stopPostgres(mode, external, dataDir, Stop.FAST, steps);
            pause();
            steps.add("SIGTERM app under load: exited in "
                    + app.terminate(Duration.ofSeconds(35)).toMillis() + " ms, restarted in " + restart(app));
            pause();
            stopPostgres(mode, external, dataDir, Stop.IMMEDIATE, steps);
            pause();
            app.kill();
            steps.add("SIGKILL app, restarted in " + restart(app));
            if (external != null) {
                steps.add(outage(external, load.figures()));
            }
            pause();
            LoadFigures figures = load.stop();
            String jdbcUrl = external != null
                    ? external.jdbcUrl()
                    : "jdbc:postgresql://localhost:" + ExternalPostgres.portOf(dataDir) + "/postgres";
            check(mode, figures, workload, HarnessApi.stored(jdbcUrl, "crash-test"), steps);
        } finally {
            load.stop();
            app.close();
            if (external != null) {
                external.close();
            }
        }
    }

    private static void check(
            Mode mode, LoadFigures figures, Workload workload, HarnessApi.Stored stored, List<String> steps) {
        var acknowledged = figures.acknowledgedIds(workload);
        System.out.printf(
                "Crash and retry (%s, %s form): %s%n  sent %,d events (with retries and re-sends), "
                        + "acknowledged %,d, stored %,d rows, lost %d, unexpected %d, re-sent batches %d, "
                        + "accepted on a re-send %d, 5xx answers %d, refused or cut connections %d, other answers %d%n"
                        + "  cost stored %s, client's own sum %s%n",
                mode,
                LONG ? "long" : "short",
                String.join("; ", steps),
                figures.eventsSent.get(),
                acknowledged.size(),
                stored.rows(),
                acknowledged.stream().filter(id -> !stored.ids().contains(id)).count(),
                stored.ids().stream().filter(id -> !acknowledged.contains(id)).count(),
                figures.resentBatches.get(),
                figures.acceptedOnResend.get(),
                figures.answered5xx.get(),
                figures.connectionFailures.get(),
                figures.otherAnswers.get(),
                stored.cost().toPlainString(),
                figures.acknowledgedCost(workload).toPlainString());
        assertThat(stored.ids()).isEqualTo(acknowledged);
        assertThat(stored.rows()).isEqualTo(acknowledged.size());
        assertThat(stored.cost()).isEqualByComparingTo(figures.acknowledgedCost(workload));
        assertThat(figures.acceptedOnResend.get()).isZero();
        assertThat(figures.otherAnswers.get()).isZero();
    }

    private static String restart(AppProcess app) throws Exception {
        long started = System.nanoTime();
        app.start();
        return (System.nanoTime() - started) / 1_000_000 + " ms";
    }

    /** Embedded: the app's own postmaster is stopped and the app brings it back. External: the harness does. */
    private static void stopPostgres(Mode mode, ExternalPostgres external, Path dataDir, Stop stop, List<String> steps)
            throws Exception {
        long started = System.nanoTime();
        if (external == null) {
            long before = ExternalPostgres.signal(dataDir, stop).pid();
            while (!isListening(dataDir, before)) {
                Thread.sleep(50);
            }
            steps.add("PostgreSQL stopped " + stop + ", started again by the app's watchdog "
                    + (System.nanoTime() - started) / 1_000_000 + " ms after the signal");
        } else {
            external.stop(stop);
            external.start();
            steps.add("PostgreSQL stopped " + stop + " and started again in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    /** A postmaster other than the stopped one accepts connections on the data directory's port. */
    private static boolean isListening(Path dataDir, long stoppedPid) {
        try (var socket = new java.net.Socket("localhost", ExternalPostgres.portOf(dataDir))) {
            return ExternalPostgres.postmasterPid(dataDir) != stoppedPid;
        } catch (Exception e) {
            return false;
        }
    }

    /** Scenario 4: PostgreSQL down under load; failures must be quick and the app must recover unaided. */
    private static String outage(ExternalPostgres external, LoadFigures figures) throws Exception {
        external.stop(Stop.FAST);
        figures.slowestFailureMicros.set(0);
        long failedBefore = figures.answered5xx.get();
        Thread.sleep(OUTAGE.toMillis());
        long slowest = figures.slowestFailureMicros.get() / 1000;
        long answered503 = figures.answered5xx.get() - failedBefore;
        long back = System.nanoTime();
        external.start();
        while (figures.lastSuccessNanos.get() < back) {
            Thread.sleep(20);
            assertThat(System.nanoTime() - back)
                    .as("recovery")
                    .isLessThan(Duration.ofSeconds(10).toNanos());
        }
        assertThat(slowest).as("slowest failed answer during the outage, ms").isLessThan(2000);
        return "PostgreSQL down " + OUTAGE.toSeconds() + " s under load: " + answered503
                + " requests answered 5xx, the slowest in "
                + slowest + " ms; first acknowledged batch " + (figures.lastSuccessNanos.get() - back) / 1_000_000
                + " ms after PostgreSQL was back";
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(PHASE.toMillis());
    }
}
