package io.tokenwarden.gateway;

import io.tokenwarden.security.AppKeys;
import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.security.PresentedKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Replays the spool every few seconds on every instance that has one (after a restart too), oldest entry first,
 * and stops at the first failure: PostgreSQL is still away, so the rest waits for the next run.
 */
@Component
class SpoolReplay {

    private static final Logger log = LoggerFactory.getLogger(SpoolReplay.class);

    private final Spool spool;
    private final GatewayRecorder recorder;
    private final AppKeys appKeys;

    SpoolReplay(Spool spool, GatewayRecorder recorder, AppKeys appKeys) {
        this.spool = spool;
        this.recorder = recorder;
        this.appKeys = appKeys;
    }

    @Scheduled(
            fixedDelayString = "${tokenwarden.gateway.replay-interval:5s}",
            initialDelayString = "${tokenwarden.gateway.replay-interval:5s}")
    void replay() {
        if (spool.size() == 0) {
            return;
        }
        int replayed = 0;
        try {
            for (Path entry : spool.entries()) {
                if (!replayOne(entry)) {
                    break;
                }
                replayed++;
            }
        } catch (IOException e) {
            log.error("Gateway spool could not be read: {}", e.toString());
        }
        if (replayed > 0) {
            log.info("Gateway spool: {} entries replayed, {} left", replayed, spool.size());
        }
    }

    /** True when the entry is done with (stored, or set aside); false when the database is still unavailable. */
    private boolean replayOne(Path entry) throws IOException {
        JsonNode content = spool.read(entry);
        Optional<AppPrincipal> app;
        try {
            app = principal(content);
            if (app.isEmpty()) {
                log.warn(
                        "Gateway spool entry {} names a key that is unknown or revoked; set aside",
                        entry.getFileName());
                spool.reject(entry);
                return true;
            }
            List<JsonNode> events = new ArrayList<>();
            content.path("events").forEach(events::add);
            recorder.ingest(app.get(), events);
        } catch (RuntimeException databaseStillDown) {
            return false;
        }
        spool.remove(entry);
        return true;
    }

    private Optional<AppPrincipal> principal(JsonNode content) {
        JsonNode app = content.path("app");
        if (app.isObject()) {
            return Optional.of(new AppPrincipal(
                    app.path("app_id").asLong(),
                    app.path("app_name").asString(),
                    app.path("key_id").asString()));
        }
        JsonNode key = content.path("presented_key");
        return appKeys.verify(new PresentedKey(
                key.path("key_id").asString(""), key.path("secret_sha256").asString("")));
    }
}
