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

    private EmbeddedPostgresLauncher() {
    }

    static EmbeddedPostgres start(EmbeddedPostgresProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky passes -F (fsync off) and synchronous_commit=off; a -c option given after
                // -F wins, and a 2xx promises the event is on disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (properties.ephemeral()) {
            builder.setDataDirectory(Files.createTempDirectory("tokenwarden-pg")).setCleanDataDirectory(true);
        } else {
            Path dataDir = properties.dataDir().toAbsolutePath();
            Files.createDirectories(dataDir);
            OrphanedPostmaster.stopIfRunning(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on localhost:{} (data: {})", postgres.getPort(),
                properties.ephemeral() ? "temporary" : properties.dataDir().toAbsolutePath());
        return postgres;
    }
}
