package io.tokenwarden.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Who changed what: one row per price, key, user or settings change, in the change's own transaction. */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subject, Object before, Object after) {
        jdbc.sql("INSERT INTO audit_log (actor, action, subject, before, after) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(actor, action, subject, toJson(before), toJson(after))
                .update();
    }

    /** One change as the audit page shows it. */
    public record Entry(
            java.time.Instant occurredAt, String actor, String action, String subject, String before, String after) {}

    /** The latest changes first. */
    @Transactional(readOnly = true)
    public java.util.List<Entry> latest(int limit) {
        return jdbc.sql("SELECT occurred_at, actor, action, subject, before::text, after::text FROM audit_log "
                        + "ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
