package io.tokenwarden.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The app's own PostgreSQL, supervised: if the postmaster exits while the app runs (killed, or
 * stopped in fast or immediate mode), it is started again on the same data directory and port, so
 * the connection pool finds it without an app restart. PostgreSQL's crash recovery replays the WAL.
 */
public final class EmbeddedCluster implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    private final Path dataDir;
    private final boolean ephemeral;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closed;

    EmbeddedCluster(EmbeddedPostgresProperties properties) throws IOException {
        this.dataDir = EmbeddedPostgresLauncher.dataDirectory(properties);
        this.ephemeral = properties.ephemeral();
        this.postgres = EmbeddedPostgresLauncher.start(dataDir, 0);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::restartIfGone, 1, 1, TimeUnit.SECONDS);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The data directory, where postmaster.pid names the running postmaster. */
    public Path dataDirectory() {
        return dataDir;
    }

    private synchronized void restartIfGone() {
        if (closed || Postmaster.running(dataDirectory()).isPresent()) {
            return;
        }
        int port = port();
        log.warn("Embedded PostgreSQL on port {} is gone; starting it again", port);
        try {
            closeQuietly(postgres);
            postgres = EmbeddedPostgresLauncher.start(dataDir, port);
            log.info("Embedded PostgreSQL is back on port {}", port);
        } catch (IOException | RuntimeException e) {
            log.error("Could not restart the embedded PostgreSQL; retrying in a second", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        watchdog.shutdownNow();
        closeQuietly(postgres);
        if (ephemeral) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Stopping the embedded PostgreSQL: {}", e.toString());
        }
    }
}
