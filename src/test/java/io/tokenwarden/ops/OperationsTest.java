package io.tokenwarden.ops;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.security.Role;
import io.tokenwarden.security.UserAccounts;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OperationsTest {

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    @Test
    void probesAreOpenAndReadinessChecksTheDatabase() {
        Api.Response readiness = api.send(
                HttpRequest.newBuilder(api.uri("/actuator/health/readiness")).GET());
        Api.Response liveness = api.send(
                HttpRequest.newBuilder(api.uri("/actuator/health/liveness")).GET());

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(api.getAsAdmin("/actuator/health/readiness")
                        .json()
                        .get("components")
                        .has("db"))
                .isTrue();
    }

    @Test
    void metricsNeedAnAdmin() {
        String finance = "fin-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(finance, "finance-pw", Role.FINANCE, "test");

        assertThat(api.send(HttpRequest.newBuilder(api.uri("/actuator/prometheus"))
                                .GET())
                        .status())
                .isEqualTo(401);
        assertThat(api.getAs(finance, "finance-pw", "/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(api.getAs(finance, "finance-pw", "/actuator/env").status()).isEqualTo(403);
    }

    @Test
    void ingestionIsCountedByAppAndStatus() {
        Api.NewApp app = api.newApp();
        api.postEvents(
                app.apiKey(),
                api.toJson(Map.of(
                        "events",
                        List.of(
                                event("m1").toMap(),
                                event("m2").with("model", "claude-unknown").toMap(),
                                event("m1").toMap(),
                                event("m3").usage("input_tokens", -1).toMap()))));

        String metrics = api.getAsAdmin("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("tokenwarden_events_ingested_total{app=\"" + app.name() + "\",status=\"accepted\"} 2.0")
                .contains("tokenwarden_events_ingested_total{app=\"" + app.name() + "\",status=\"duplicate\"} 1.0")
                .contains("tokenwarden_events_ingested_total{app=\"" + app.name() + "\",status=\"rejected\"} 1.0")
                .contains("tokenwarden_events_unpriced_total{app=\"" + app.name() + "\"} 1.0")
                .contains("tokenwarden_ingest_latency_seconds_bucket")
                .contains("tokenwarden_rollup_lag_seconds");
    }
}
