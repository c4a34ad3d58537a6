package io.tokenwarden.reliability;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.harness.TcpRelay;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL unreachable under the running app (a proxy between them closes every connection and
 * refuses new ones: pg_ctl will not run as root on these machines): every request answers 503
 * within 2 s (none hangs), readiness goes DOWN, and once the database is reachable again requests
 * succeed without restarting the app. Has a context and a database of its own.
 */
@IntegrationTest
@DirtiesContext
class DatabaseOutageTest {

    private static EmbeddedPostgres postgres;
    private static TcpRelay proxy;

    /** A PostgreSQL of this test's own, reached by the app only through the proxy. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start();
        proxy = new TcpRelay(postgres.getPort());
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + proxy.port() + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
        postgres.close();
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void requestsFailFastWhileTheDatabaseIsDownAndRecoverWithoutARestart() throws Exception {
        Api.NewApp app = api.newApp();
        assertThat(post(app, "before")).isEqualTo(200);

        proxy.down();
        List<Long> answerMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            assertThat(post(app, "during-" + i)).isEqualTo(503);
            answerMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        assertThat(answerMillis).allSatisfy(ms -> assertThat(ms).isLessThan(2000));
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/actuator/health/readiness"))
                                .GET())
                        .status())
                .isEqualTo(503);

        proxy.up();
        long restarted = System.nanoTime();
        int status = 0;
        while (status != 200 && System.nanoTime() - restarted < 10_000_000_000L) {
            status = post(app, "after");
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
        System.out.printf(
                "Outage: 5 requests answered 503 in %s ms; recovered %d ms after the database was reachable again%n",
                answerMillis, recoveryMillis);
        assertThat(status).as("recovered within 10 s").isEqualTo(200);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/actuator/health/readiness"))
                                .GET())
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                        .param(app.name())
                        .query(Long.class)
                        .single())
                .as("nothing stored during the outage")
                .isEqualTo(2);
    }

    private int post(Api.NewApp app, String eventId) {
        return api.postEvents(
                        app.apiKey(),
                        api.toJson(Map.of("events", List.of(event(eventId).toMap()))))
                .status();
    }
}
