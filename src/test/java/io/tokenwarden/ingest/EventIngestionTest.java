package io.tokenwarden.ingest;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class EventIngestionTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    Api.NewApp app;

    @BeforeEach
    void newApp() {
        app = api.newApp();
    }

    @Test
    void acceptedEventIsStoredWithItsExactCost() {
        // LiteLLM issue #9812: Anthropic billed $0.05439 for this call; the exact cost is $0.054399.
        var body = event("req_9812")
                .with("model", "claude-3-7-sonnet-20250219")
                .usage("input_tokens", 3)
                .usage("cache_creation_input_tokens", 12304)
                .usage("output_tokens", 550);

        Api.Response response = api.postEvents(app.apiKey(), api.toJson(body.toMap()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json().get("results").get(0);
        assertThat(result.get("status").stringValue()).isEqualTo("accepted");
        assertThat(result.get("cost_usd").stringValue()).isEqualTo("0.054399000000");
        assertThat(result.get("priced").booleanValue()).isTrue();
        assertThat(storedCost("req_9812")).isEqualByComparingTo("0.054399");
        assertThat(storedCount()).isEqualTo(1);
    }

    /**
     * The answer is always JSON with its length, whatever the client says it accepts: content negotiation used to
     * answer 406 to "Accept: application/xml" after the event was stored, so a 4xx could mean "stored".
     */
    @Test
    void anAnswerIsJsonWithItsLengthWhateverTheClientAccepts() {
        Api.Response response = api.send(
                api.jsonPost("/api/v1/events", api.toJson(event("req_xml").toMap()))
                        .header("Authorization", "Bearer " + app.apiKey())
                        .header("Accept", "application/xml"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.raw().headers().firstValueAsLong("Content-Length"))
                .hasValue(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(response.json().get("results").get(0).get("status").stringValue())
                .isEqualTo("accepted");
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void retryIsADuplicateThatReturnsTheStoredCostAndAddsNoRow() {
        String body = api.toJson(event("req_retry").toMap());
        String firstCost = api.postEvents(app.apiKey(), body)
                .json()
                .get("results")
                .get(0)
                .get("cost_usd")
                .stringValue();

        Api.Response retry = api.postEvents(app.apiKey(), body);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicates").intValue()).isEqualTo(1);
        JsonNode result = retry.json().get("results").get(0);
        assertThat(result.get("status").stringValue()).isEqualTo("duplicate");
        assertThat(result.get("cost_usd").stringValue()).isEqualTo(firstCost);
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void sameIdTwiceInOneBatchIsStoredOnce() {
        String body = batch(event("same").toMap(), event("same").toMap());

        JsonNode response = api.postEvents(app.apiKey(), body).json();

        assertThat(statuses(response)).containsExactly("accepted", "duplicate");
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void sameEventIdFromAnotherAppIsAnotherEvent() {
        Api.NewApp other = api.newApp();
        String body = api.toJson(event("shared-id").toMap());

        api.postEvents(app.apiKey(), body);
        JsonNode response = api.postEvents(other.apiKey(), body).json();

        assertThat(statuses(response)).containsExactly("accepted");
    }

    @Test
    void mixedBatchAnswers207WithOneResultPerEventInOrder() {
        String body = batch(
                event("ok-1").toMap(),
                event("bad-1").usage("input_tokens", -1).toMap(),
                event("ok-2").toMap());

        Api.Response response = api.postEvents(app.apiKey(), body);

        assertThat(response.status()).isEqualTo(207);
        JsonNode json = response.json();
        assertThat(json.get("accepted").intValue()).isEqualTo(2);
        assertThat(json.get("rejected").intValue()).isEqualTo(1);
        assertThat(statuses(json)).containsExactly("accepted", "rejected", "accepted");
        JsonNode rejected = json.get("results").get(1);
        assertThat(rejected.get("index").intValue()).isEqualTo(1);
        assertThat(rejected.get("event_id").stringValue()).isEqualTo("bad-1");
        assertThat(rejected.get("errors").get(0).get("field").stringValue()).isEqualTo("usage.input_tokens");
        assertThat(storedIds()).containsExactlyInAnyOrder("ok-1", "ok-2");
    }

    @Test
    void unknownModelIsAcceptedUnpricedNeverAtZero() {
        JsonNode result = api.postEvents(
                        app.apiKey(),
                        api.toJson(event("unknown-model")
                                .with("model", "claude-future-9")
                                .toMap()))
                .json()
                .get("results")
                .get(0);

        assertThat(result.get("status").stringValue()).isEqualTo("accepted");
        assertThat(result.get("priced").booleanValue()).isFalse();
        assertThat(result.get("cost_usd").isNull()).isTrue();
        assertThat(storedCost("unknown-model")).isNull();
    }

    @Test
    void providerModelNamesResolveToTheCatalogModel() {
        String body = batch(
                event("bedrock")
                        .with("model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")
                        .toMap(),
                event("vertex").with("model", "claude-sonnet-4-5@20250929").toMap(),
                event("alias").with("model", "claude-sonnet-4-5").toMap());

        api.postEvents(app.apiKey(), body);

        assertThat(jdbc.sql(
                                "SELECT DISTINCT model_id FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                        .param(app.name())
                        .query(String.class)
                        .list())
                .containsExactly("claude-sonnet-4-5-20250929");
    }

    @Test
    void appAndCostInTheBodyAreIgnored() {
        api.postEvents(
                app.apiKey(),
                api.toJson(event("spoof")
                        .with("app", "someone-else")
                        .with("cost", "0")
                        .toMap()));

        assertThat(storedIds()).containsExactly("spoof");
        assertThat(storedCost("spoof")).isEqualByComparingTo("0.0045"); // 1000 x $3 + 100 x $15 per million
    }

    @Test
    void optionalFieldsAreStoredAsSent() {
        api.postEvents(
                app.apiKey(),
                api.toJson(event("full")
                        .with("task_type", "extraction")
                        .with("latency_class", "background")
                        .with("prompt", Map.of("prefix_hash", "sha256:abc", "prefix_tokens", 4000))
                        .with("conversation", Map.of("id", "conv_1", "turn", 3))
                        .with("business_units", 1.5)
                        .with("quality_score", 0.93)
                        .with("tags", Map.of("team", "legal"))
                        .toMap()));

        Map<String, Object> row = jdbc.sql("""
                        SELECT task_type, latency_class, prefix_hash, prefix_tokens, conversation_id, conversation_turn,
                               business_units, quality_score, tags ->> 'team' AS team
                        FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? AND event_id = 'full'""").param(app.name()).query().singleRow();
        assertThat(row)
                .containsEntry("task_type", "extraction")
                .containsEntry("latency_class", "background")
                .containsEntry("prefix_hash", "sha256:abc")
                .containsEntry("prefix_tokens", 4000L)
                .containsEntry("conversation_id", "conv_1")
                .containsEntry("conversation_turn", 3)
                .containsEntry("team", "legal");
        assertThat((BigDecimal) row.get("business_units")).isEqualByComparingTo("1.5");
        assertThat((BigDecimal) row.get("quality_score")).isEqualByComparingTo("0.93");
    }

    private String batch(Object... events) {
        return api.toJson(Map.of("events", List.of(events)));
    }

    static List<String> statuses(JsonNode response) {
        return response.get("results")
                .valueStream()
                .map(r -> r.get("status").stringValue())
                .toList();
    }

    private BigDecimal storedCost(String eventId) {
        return jdbc.sql(
                        "SELECT cost FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? AND event_id = ?")
                .params(app.name(), eventId)
                .query(BigDecimal.class)
                .list()
                .get(0);
    }

    private long storedCount() {
        return jdbc.sql("SELECT count(*) FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                .param(app.name())
                .query(Long.class)
                .single();
    }

    private List<String> storedIds() {
        return jdbc.sql("SELECT event_id FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                .param(app.name())
                .query(String.class)
                .list();
    }
}
