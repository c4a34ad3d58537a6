package io.tokenwarden.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server outside the app, on a fixed loopback port and data directory, that a harness
 * can stop in fast or immediate mode and start again, the way an operator or a service manager would.
 */
public final class ExternalPostgres implements AutoCloseable {

    /** PostgreSQL's shutdown modes and the signal that asks the postmaster for each. */
    public enum Stop {
        FAST("INT"),
        IMMEDIATE("QUIT");

        private final String signal;

        Stop(String signal) {
            this.signal = signal;
        }
    }

    private final Path dataDir;
    private EmbeddedPostgres postgres;
    private int port;

    public ExternalPostgres(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        start();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public void start() throws IOException {
        postgres = durable(dataDir, port);
        port = postgres.getPort();
    }

    /** Stops the server in the given mode and waits until the postmaster has exited. */
    public void stop(Stop mode) throws IOException, InterruptedException {
        signalPostmaster(dataDir, mode);
        try {
            postgres.close(); // releases zonky's lock on the directory; pg_ctl finds nothing to stop
        } catch (IOException | RuntimeException ignored) {
            // the server is already down
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Sends the mode's signal to the postmaster of a data directory and waits for it to exit. */
    public static void signalPostmaster(Path dataDir, Stop mode) throws IOException, InterruptedException {
        ProcessHandle postmaster = signal(dataDir, mode);
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("postmaster " + postmaster.pid() + " did not exit after SIG" + mode.signal, e);
        }
    }

    /** Sends the mode's signal to the postmaster of a data directory; returns that postmaster. */
    public static ProcessHandle signal(Path dataDir, Stop mode) throws IOException, InterruptedException {
        long pid = postmasterPid(dataDir);
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-" + mode.signal, String.valueOf(pid))
                .inheritIO()
                .start()
                .waitFor();
        return postmaster;
    }

    public static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /** The loopback port of the server running on a data directory (line 4 of postmaster.pid). */
    public static int portOf(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        return Integer.parseInt(lines.get(3).trim());
    }

    private static EmbeddedPostgres durable(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }
}
