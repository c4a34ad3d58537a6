package io.tokenwarden.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The README's first command loads this workload: the app with the demo on, in a context of its own, and what the
 * README promises of it (a recommendation of each kind, the implemented one measured, the pilot with quality held).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenwarden.embedded.ephemeral=true",
            "tokenwarden.demo.enabled=true",
            "tokenwarden.admin-password=" + Api.ADMIN_PASSWORD
        })
@Import({PostgresTestConfiguration.class, Api.class})
class DemoWorkloadTest {

    @Autowired
    Api api;

    @Test
    void theDemoOpensWithARecommendationOfEachKindAMeasuredOneAndARunningPilot() {
        JsonNode all = api.getAsAdmin("/api/v1/recommendations").json();
        assertThat(all.valueStream().map(r -> r.get("kind").stringValue()).distinct())
                .contains("prompt_caching", "cache_busting", "model_routing", "batch_api");
        JsonNode implemented = api.getAsAdmin("/api/v1/recommendations?use_case=sql_assistant&kind=model_routing")
                .json()
                .get(0);
        assertThat(implemented.get("status").stringValue()).isEqualTo("implemented");
        assertThat(implemented.at("/measurement/method").stringValue()).isEqualTo("before_after");

        JsonNode piloted = api.getAsAdmin("/api/v1/recommendations?use_case=ticket_triage&kind=model_routing")
                .json()
                .get(0);
        assertThat(piloted.at("/pilot/arms/pilot/requests").longValue()).isEqualTo(100);
        assertThat(piloted.at("/pilot/arms/control/requests").longValue()).isEqualTo(300);
        assertThat(piloted.at("/pilot/difference/quality").stringValue()).isEqualTo("held");
        assertThat(piloted.at("/measurement/method").stringValue()).isEqualTo("experiment");
        assertThat(api.getAsAdmin("/api/v1/alerts?status=open").json().size()).isPositive();
    }
}
