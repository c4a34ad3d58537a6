package io.tokenwarden.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app killed with SIGKILL leaves its embedded postmaster running on the data directory, and
 * pg_ctl refuses to start a second one there. Stop the orphan first: SIGTERM asks PostgreSQL for a
 * smart shutdown, which completes at once because the dead app's connections are gone.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = Postmaster.running(dataDir);
        if (postmaster.isEmpty()) {
            return; // none, or a stale pid file: PostgreSQL itself replaces it on start
        }
        ProcessHandle process = postmaster.get();
        log.warn("Found a PostgreSQL (pid {}) left running on {}; stopping it before start", process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(
                    "PostgreSQL pid " + process.pid() + " on " + dataDir + " did not stop within " + WAIT.toSeconds()
                            + " s; stop it by hand",
                    e);
        }
    }
}
