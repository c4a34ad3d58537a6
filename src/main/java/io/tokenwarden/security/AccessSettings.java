package io.tokenwarden.security;

import io.tokenwarden.audit.AuditLog;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether local password sign-in (pages) and HTTP Basic (scripts) are on; both are, until an admin turns one off.
 * Read on every sign-in from memory, re-read every 10 seconds so that every instance follows within that time.
 */
@Component
class AccessSettings {

    static final String BOOTSTRAP_ADMIN = "admin";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private volatile Map<String, Boolean> enabled = Map.of();

    AccessSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    boolean localLogin() {
        return enabled.getOrDefault("local_login", true);
    }

    boolean httpBasic() {
        return enabled.getOrDefault("http_basic", true);
    }

    @Transactional
    void set(String name, boolean on, String actor) {
        boolean before = enabled.getOrDefault(name, true);
        jdbc.sql("""
                        INSERT INTO access_setting (name, enabled, updated_by) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled, updated_at = now(),
                            updated_by = excluded.updated_by""").params(name, on, actor).update();
        audit.record(actor, "access.set", name, Map.of("enabled", before), Map.of("enabled", on));
        refresh();
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 0)
    void refresh() {
        try {
            enabled = Map.copyOf(jdbc
                    .sql("SELECT name, enabled FROM access_setting")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                    .list()
                    .stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        } catch (RuntimeException databaseAway) {
            // keep the last known settings
        }
    }
}
