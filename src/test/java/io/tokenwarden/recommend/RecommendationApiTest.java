package io.tokenwarden.recommend;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.security.Role;
import io.tokenwarden.security.UserAccounts;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Ingest, refresh, list, mark implemented, measure: all through HTTP. */
@IntegrationTest
class RecommendationApiTest {

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    @Test
    void fromEventsToAMeasuredImplementedRecommendation() {
        String useCase = "rec-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
        String finance = "fin-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(engineer, "pw-eng", Role.ENGINEER, "test");
        users.create(finance, "pw-fin", Role.FINANCE, "test");
        Api.NewApp app = api.newApp();
        put(useCase, "{\"latency_class\": \"interactive\"}");
        List<Events> events = new ArrayList<>();
        // classification on Opus 4.6: 15,000 x 5 + 1,000 x 25 = 0.10; on Haiku 5.5 15,000 x 0.10 + 1,000 x 0.50 = 0.002
        for (int i = 0; i < 30; i++) {
            events.add(event("e" + i)
                    .with("use_case", useCase)
                    .with("model", "claude-opus-4-6")
                    .with("task_type", "classification")
                    .usage("input_tokens", 15_000)
                    .usage("output_tokens", 1_000)
                    .with(
                            "occurred_at",
                            Instant.now().minus(i + 1, ChronoUnit.HOURS).toString()));
        }
        api.ingestAll(app.apiKey(), events);

        assertThat(post(engineer, "pw-eng", "/api/v1/recommendations/refresh", "")
                        .status())
                .isEqualTo(200);
        JsonNode list = api.getAs(finance, "pw-fin", "/api/v1/recommendations?use_case=" + useCase)
                .json();

        assertThat(list.size()).isEqualTo(1);
        JsonNode routing = list.get(0);
        assertThat(routing.get("kind").stringValue()).isEqualTo("model_routing");
        assertThat(routing.get("status").stringValue()).isEqualTo("open");
        // 30 x 0.098 = 2.94 in 28 days, x 30 / 28 (moving to Opus 5.5 saves 30 x 0.02 = 0.60: under the $1 minimum)
        assertThat(routing.get("estimated_monthly_savings_usd").stringValue()).isEqualTo("3.150000000000");
        assertThat(routing.get("assumptions").get("target_model").stringValue()).isEqualTo("claude-haiku-5-5");
        assertThat(routing.get("evidence").get("rerouted_events").intValue()).isEqualTo(30);
        String statusPath = "/api/v1/recommendations/" + routing.get("id").longValue() + "/status";

        assertThat(post(finance, "pw-fin", statusPath, "{\"status\": \"accepted\"}")
                        .status())
                .isEqualTo(403);
        Api.Response noNote = post(engineer, "pw-eng", statusPath, "{\"status\": \"dismissed\"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().get("errors").get(0).get("field").stringValue())
                .isEqualTo("note");

        JsonNode implemented = post(engineer, "pw-eng", statusPath, "{\"status\": \"implemented\"}")
                .json();
        assertThat(implemented.get("status").stringValue()).isEqualTo("implemented");
        assertThat(implemented.get("implemented_at").isNull()).isFalse();
        assertThat(implemented.get("measurement").get("before").get("requests").intValue())
                .isEqualTo(30);
        assertThat(implemented.get("measurement").get("quality").stringValue()).isEqualTo("unknown");

        post(engineer, "pw-eng", "/api/v1/recommendations/refresh", "");
        assertThat(api.getAsAdmin("/api/v1/recommendations?use_case=" + useCase)
                        .json()
                        .get(0)
                        .get("status")
                        .stringValue())
                .isEqualTo("implemented");
    }

    @Test
    void theRoutingPolicyNamesATargetForEveryTaskType() {
        JsonNode rules = api.getAsAdmin("/api/v1/routing-policy").json();

        assertThat(rules.size()).isEqualTo(17);
        assertThat(rules.valueStream()
                        .filter(r -> r.get("task_type").stringValue().equals("classification"))
                        .findFirst()
                        .orElseThrow()
                        .get("model")
                        .stringValue())
                .isEqualTo("claude-haiku-5-5");
        assertThat(rules.valueStream()
                        .filter(r -> r.get("task_type").stringValue().equals("agentic"))
                        .findFirst()
                        .orElseThrow()
                        .get("model")
                        .stringValue())
                .isEqualTo("claude-opus-5-5");
    }

    @Test
    void badFiltersAre400() {
        assertThat(api.getAsAdmin("/api/v1/recommendations?kind=magic").status())
                .isEqualTo(400);
        assertThat(api.getAsAdmin("/api/v1/recommendations?status=maybe").status())
                .isEqualTo(400);
        assertThat(api.postAsAdmin("/api/v1/recommendations/999999999/status", "{\"status\": \"accepted\"}")
                        .status())
                .isEqualTo(404);
    }

    private Api.Response post(String user, String password, String path, String body) {
        return api.send(api.jsonPost(path, body).header("Authorization", Api.basic(user, password)));
    }

    private void put(String useCase, String body) {
        api.putAsAdmin("/api/v1/use-cases/" + useCase, body);
    }
}
