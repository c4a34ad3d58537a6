package io.tokenwarden.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** zonky starts PostgreSQL with -F and synchronous_commit=off; a 2xx promises durability, so both are overridden. */
@IntegrationTest
class EmbeddedPostgresDurabilityTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void commitsAreFlushedToDisk() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void theSchemaIsFlywaysAndTheMappingMatchesIt() {
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
    }

    private String show(String setting) {
        return jdbc.sql("SHOW " + setting).query(String.class).single();
    }
}
