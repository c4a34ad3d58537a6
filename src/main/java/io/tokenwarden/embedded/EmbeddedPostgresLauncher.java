package io.tokenwarden.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the embedded cluster with durable commits. */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {}

    /** The data directory the properties ask for; a fresh temporary one when ephemeral. */
    static Path dataDirectory(EmbeddedPostgresProperties properties) throws IOException {
        if (properties.ephemeral()) {
            return Files.createTempDirectory("tokenwarden-pg");
        }
        Path dataDir = properties.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        return dataDir;
    }

    /** Starts PostgreSQL on the directory (initialised when empty); port 0 picks a free one. */
    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        OrphanedPostmaster.stopIfRunning(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky passes -F (fsync off) and synchronous_commit=off; a -c option given after
                // -F wins, and a 2xx promises the event is on disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // The cluster object never deletes data; an ephemeral directory is removed by its owner.
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on localhost:{} (data: {})", postgres.getPort(), dataDir);
        return postgres;
    }
}
