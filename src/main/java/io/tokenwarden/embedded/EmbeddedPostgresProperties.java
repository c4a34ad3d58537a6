package io.tokenwarden.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir   where the cluster lives; kept across restarts ({@code TOKENWARDEN_DATA_DIR})
 * @param ephemeral a throw-away cluster in a temporary directory, deleted on close (tests)
 */
@ConfigurationProperties("tokenwarden.embedded")
public record EmbeddedPostgresProperties(Path dataDir, boolean ephemeral) {

    public EmbeddedPostgresProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
    }
}
