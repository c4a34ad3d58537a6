package io.tokenwarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditTrailTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() {
        Api.NewApp app = api.newApp(); // writes audit rows
        long id = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'mallory' WHERE id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(audit.latest(10)).anySatisfy(e -> assertThat(e.subject()).startsWith(app.name()));
    }
}
