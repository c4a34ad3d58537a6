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

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
