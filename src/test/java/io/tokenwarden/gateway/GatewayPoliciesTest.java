package io.tokenwarden.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's policies against the stand-in upstream: the diagnostics field, budgets that block or downgrade, and
 * a routing pilot's randomized, sticky split.
 */
class GatewayPoliciesTest extends GatewayFixture {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    GatewayPolicy policy;

    @Test
    void diagnosticsNameThePreviousAnswerOfTheConversationAndTheAnswersDiagnosisIsRecorded() throws Exception {
        String first = body("claude-sonnet-4-6", "Summarize ticket 1.");
        HttpResponse<String> one = call("gw-diag", first, Map.of());
        String firstId = JsonPath.id(one.body());
        assertThat(sent(0))
                .isEqualTo(first.substring(0, first.length() - 1) + ",\"diagnostics\":{\"previous_message_id\":null}}");

        String second = body("claude-sonnet-4-6", "Summarize ticket 1.")
                .replace(
                        "]}",
                        ",{\"role\":\"assistant\","
                                + "\"content\":\"ok\"},{\"role\":\"user\",\"content\":\"And ticket 2?\"}]}");
        HttpResponse<String> two = call("gw-diag", second, Map.of());
        assertThat(sent(1))
                .isEqualTo(second.substring(0, second.length() - 1) + ",\"diagnostics\":{\"previous_message_id\":\""
                        + firstId + "\"}}");

        Map<String, Object> recorded = awaitEvent(JsonPath.id(two.body()));
        assertThat(recorded)
                .containsEntry("cache_miss_reason", "system_changed")
                .containsEntry("cache_missed_input_tokens", 4100L);

        String own = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":5,\"diagnostics\":{\"previous_message_id\":null},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        call("gw-diag", own, Map.of());
        assertThat(sent(2)).as("an app's own diagnostics field is left alone").isEqualTo(own);

        putSettings("gw-diag-off", "{\"cache_diagnostics\": false}");
        call("gw-diag-off", first, Map.of());
        assertThat(sent(3)).as("switched off for the use case").isEqualTo(first);
    }

    @Test
    void aSpentBudgetBlocksOrDowngradesAsTheUseCaseSays() throws Exception {
        for (String useCase : List.of("gw-block", "gw-downgrade")) {
            putSettings(
                    useCase,
                    "{\"monthly_budget_usd\": \"0.001\", \"budget_action\": \"%s\"}".formatted(useCase.substring(3)));
            assertThat(call(useCase, body("claude-opus-4-6", "first"), Map.of()).statusCode())
                    .isEqualTo(200);
        }
        awaitCount(2);
        rollupJob.catchUp(Duration.ofSeconds(30));
        policy.refresh();
        UPSTREAM.received.clear();

        HttpResponse<String> blocked = call("gw-block", body("claude-opus-4-6", "second"), Map.of());
        assertThat(blocked.statusCode()).isEqualTo(402);
        JsonNode error = JsonPath.read(blocked.body());
        assertThat(error.at("/error/type").asString()).isEqualTo("billing_error");
        assertThat(error.at("/error/message").asString())
                .contains("monthly budget of $0.001", "gw-block", "resets on 20");
        assertThat(UPSTREAM.received).as("nothing went upstream").isEmpty();

        HttpResponse<String> downgraded = call("gw-downgrade", body("claude-opus-4-6", "second"), Map.of());
        assertThat(downgraded.statusCode()).isEqualTo(200);
        assertThat(sent(0)).contains("\"model\":\"claude-sonnet-5-5\"").doesNotContain("claude-opus-4-6");
        Map<String, Object> event = awaitEvent(JsonPath.id(downgraded.body()));
        assertThat(event.get("model")).isEqualTo("claude-sonnet-5-5");
        assertThat((String) event.get("tags"))
                .contains("\"tw_budget_action\": \"downgrade\"", "\"tw_requested_model\": \"claude-opus-4-6\"");
    }

    @Test
    void aRoutingPilotServesItsShareOfConversationsAndEachConversationStaysInItsArm() throws Exception {
        long id = recommendation(
                "gw-pilot",
                "model_routing",
                "{\"target_model\": \"claude-haiku-5-5\", \"task_tier_from\": \"task_type\"}");
        Api.Response started = api.postAsAdmin("/api/v1/recommendations/" + id + "/pilot", "{\"share\": 0.1}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().at("/pilot/share").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(started.json().at("/status").asString()).isEqualTo("accepted");
        policy.refresh();

        int requests = 2000;
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < requests; i++) {
                String conversation = body("claude-sonnet-4-6", "Classify message " + i);
                answers.add(threads.submit(
                        () -> call("gw-pilot", conversation, Map.of("X-Tokenwarden-Task-Type", "triage"))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        }
        long piloted = UPSTREAM.received.stream()
                .filter(r -> body(r).contains("\"claude-haiku-5-5\""))
                .count();
        // binomial(2000, 0.1): mean 200, standard deviation 13.4; 4.5 of them either side
        assertThat(piloted).isBetween(140L, 260L);

        UPSTREAM.received.clear();
        String again = body("claude-sonnet-4-6", "Classify message 7");
        for (int turn = 0; turn < 5; turn++) {
            call("gw-pilot", again, Map.of("X-Tokenwarden-Task-Type", "triage"));
        }
        assertThat(UPSTREAM.received.stream()
                        .map(r -> body(r).contains("claude-haiku-5-5"))
                        .distinct()
                        .count())
                .as("every turn of one conversation in the same arm")
                .isEqualTo(1);

        call("gw-pilot", body("claude-sonnet-4-6", "Draft"), Map.of("X-Tokenwarden-Task-Type", "drafting"));
        assertThat(body(UPSTREAM.received.get(5)))
                .as("a task the target's tier does not serve is not eligible")
                .contains("claude-sonnet-4-6");
        awaitCount(requests + 6);
        Map<String, Long> arms = jdbc
                .sql("""
                        SELECT tags->>'tw_arm' AS arm, count(*) FROM usage_event e JOIN app a ON a.id = e.app_id
                        WHERE a.name = ? AND tags->>'tw_pilot' = ? GROUP BY 1""")
                .params(app.name(), Long.toString(id))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(arms.get("pilot") + arms.get("control")).isEqualTo(requests + 5);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM usage_event WHERE tags->>'tw_arm' = 'pilot' AND model = 'claude-haiku-5-5'
                          AND tags->>'tw_requested_model' = 'claude-sonnet-4-6' AND tags->>'tw_pilot' = ?""").param(Long.toString(id)).query(Long.class).single())
                .isEqualTo(arms.get("pilot"));

        api.postAsAdmin("/api/v1/recommendations/" + id + "/pilot", "{\"share\": 0}");
        policy.refresh();
        UPSTREAM.received.clear();
        call(
                "gw-pilot",
                body("claude-sonnet-4-6", "Classify message 1000"),
                Map.of("X-Tokenwarden-Task-Type", "triage"));
        assertThat(body(UPSTREAM.received.get(0)))
                .as("a stopped pilot rewrites nothing")
                .contains("claude-sonnet-4-6");
    }

    @Test
    void aCachingPilotPutsABreakpointAtTheEndOfTheStablePrefixAndChangesNothingElse() throws Exception {
        long id = recommendation("gw-cache", "prompt_caching", "{\"ttl\": \"1h\"}");
        assertThat(api.postAsAdmin("/api/v1/recommendations/" + id + "/pilot", "{\"share\": 1}")
                        .status())
                .isEqualTo(200);
        putSettings("gw-cache", "{\"cache_diagnostics\": false}");
        String body = body("claude-sonnet-4-6", "Where is my parcel?");

        HttpResponse<String> answer = call("gw-cache", body, Map.of());

        assertThat(sent(0))
                .isEqualTo(
                        body.replace(
                                "\"system\":\"You sort support tickets.\"",
                                "\"system\":[{\"type\":"
                                        + "\"text\",\"text\":\"You sort support tickets.\",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}]"));
        assertThat((String) awaitEvent(JsonPath.id(answer.body())).get("tags"))
                .contains("\"tw_arm\": \"pilot\"", "\"tw_pilot\": \"" + id + "\"")
                .doesNotContain("tw_requested_model");
        String cachedAlready =
                body.replace("\"content\":\"Where", "\"cache_control\":{\"type\":\"ephemeral\"},\"content\":\"Where");
        call("gw-cache", cachedAlready, Map.of());
        assertThat(sent(1)).as("an app that caches already is left alone").isEqualTo(cachedAlready);
    }

    @Test
    void pilotRequestsAreCheckedAsEveryBodyIs() {
        long id = recommendation("gw-pilot-bad", "batch_api", "{}");
        assertThat(api.postAsAdmin("/api/v1/recommendations/" + id + "/pilot", "{\"share\": 0.1}")
                        .body())
                .contains("model_routing or prompt_caching");
        long routing = recommendation("gw-pilot-bad", "model_routing", "{\"target_model\": \"claude-haiku-5-5\"}");
        Api.Response tooMuch = api.postAsAdmin("/api/v1/recommendations/" + routing + "/pilot", "{\"share\": 1.5}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("share");
        assertThat(api.postAsAdmin("/api/v1/recommendations/" + routing + "/pilot", "{}")
                        .body())
                .contains("share", "required");
        assertThat(api.postAsAdmin("/api/v1/recommendations/999999/pilot", "{\"share\": 0.1}")
                        .status())
                .isEqualTo(404);
    }

    long recommendation(String useCase, String kind, String assumptions) {
        return jdbc.sql("""
                        INSERT INTO recommendation (use_case, kind, title, status, confidence, estimated_monthly_savings,
                            evidence, assumptions, how_to)
                        VALUES (?, ?, 'test', 'open', 'high', 100, '{}'::jsonb, ?::jsonb, 'how')
                        ON CONFLICT (use_case, kind) DO UPDATE SET assumptions = excluded.assumptions RETURNING id""")
                .params(useCase, kind, assumptions)
                .query(Long.class)
                .single();
    }

    private void putSettings(String useCase, String json) {
        api.putAsAdmin("/api/v1/use-cases/" + useCase, json);
    }

    static String body(String model, String question) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":20,\"system\":\"You sort support tickets.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    }

    private HttpResponse<String> call(String useCase, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/anthropic/v1/messages"))
                .header("content-type", "application/json")
                .header("x-api-key", "sk-ant-test")
                .header("anthropic-version", "2023-06-01")
                .header("X-Tokenwarden-Key", app.apiKey())
                .header("X-Tokenwarden-Use-Case", useCase)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sent(int index) {
        return body(UPSTREAM.received.get(index));
    }

    private static String body(StandInUpstream.Received received) {
        return new String(received.body(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> awaitEvent(String eventId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<Map<String, Object>> rows =
                    jdbc.sql("""
                            SELECT e.model, e.cache_miss_reason, e.cache_missed_input_tokens, e.tags::text AS tags
                            FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? AND e.event_id = ?""").params(app.name(), eventId).query().listOfRows();
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("event " + eventId + " was not recorded");
    }

    private void awaitCount(long expected) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            long count = jdbc.sql("SELECT count(*) FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                    .param(app.name())
                    .query(Long.class)
                    .single();
            if (count >= expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + expected + " events recorded");
    }

    /** Reads answers. */
    static final class JsonPath {
        private static final tools.jackson.databind.json.JsonMapper JSON =
                tools.jackson.databind.json.JsonMapper.builder().build();

        static JsonNode read(String body) {
            return JSON.readTree(body);
        }

        static String id(String body) {
            return read(body).get("id").asString();
        }
    }
}
