package io.tokenwarden.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each edit changes one span; every other byte stays as the app sent it (spacing, order, unknown fields). */
class RequestRewriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BREAKPOINT = ",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}";

    @Test
    void aCacheBreakpointGoesAtTheEndOfTheSystemPromptsLastBlockAndNowhereElse() {
        String body =
                "{ \"model\": \"claude-sonnet-4-6\", \"future\" : [1, {\"a\":2}],\n \"system\": [ {\"type\":\"text\","
                        + "\"text\":\"Rules \\u00e9 {x}\"} , {\"type\": \"text\", \"text\": \"Catalog\"} ],"
                        + " \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}], \"max_tokens\": 5 }";
        String cut = "\"text\": \"Catalog\"";
        int at = body.indexOf(cut) + cut.length();

        String edited = edit(body, r -> r.cacheControl("1h"));

        assertThat(edited).isEqualTo(body.substring(0, at) + BREAKPOINT + body.substring(at));
        assertThat(JSON.readTree(edited).at("/system/1/cache_control/ttl").asString())
                .isEqualTo("1h");
    }

    @Test
    void aStringSystemPromptBecomesOneBlockHoldingTheSameString() {
        String body = "{\"system\" : \"You review \\\"contracts\\\".\",\"model\":\"m\",\"messages\":[]}";
        String edited = edit(body, r -> r.cacheControl("5m"));

        assertThat(edited)
                .isEqualTo(
                        "{\"system\" : [{\"type\":\"text\",\"text\":\"You review \\\"contracts\\\".\""
                                + ",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"5m\"}}],\"model\":\"m\",\"messages\":[]}");
        JsonNode system = JSON.readTree(edited).get("system");
        assertThat(system.get(0).get("text").asString()).isEqualTo("You review \"contracts\".");
    }

    @Test
    void withoutASystemPromptTheLastToolCarriesTheBreakpoint() {
        String body =
                "{\"tools\":[{\"name\":\"a\",\"input_schema\":{\"type\":\"object\"}},{\"name\":\"b\"}],\"model\":\"m\"}";
        assertThat(edit(body, r -> r.cacheControl("1h")))
                .isEqualTo("{\"tools\":[{\"name\":\"a\",\"input_schema\":{\"type\":\"object\"}},{\"name\":\"b\""
                        + BREAKPOINT + "}],\"model\":\"m\"}");
        RequestRewriter none =
                new RequestRewriter(bytes("{\"model\":\"m\"}"), RequestShape.of(bytes("{\"model\":\"m\"}")));
        assertThat(none.cacheControl("1h")).isFalse();
    }

    @Test
    void theModelAndTheDiagnosticsFieldAreTheOnlyChanges() {
        String body = "{ \"model\" :\"claude-opus-4-6\" , \"messages\":[{\"role\":\"user\",\"content\":\"model\"}] }";
        String edited = edit(body, r -> {
            r.model("claude-sonnet-5-5");
            r.diagnostics("msg_01");
        });
        assertThat(edited)
                .isEqualTo("{ \"model\" :\"claude-sonnet-5-5\" , \"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"model\"}] ,\"diagnostics\":{\"previous_message_id\":\"msg_01\"}}");
        assertThat(edit("{}", r -> r.diagnostics(null))).isEqualTo("{\"diagnostics\":{\"previous_message_id\":null}}");
    }

    @Test
    void theShapeSeesWhatTheAppAlreadyDid() {
        RequestShape cached = RequestShape.of(bytes("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"x\",\"cache_control\":{\"type\":\"ephemeral\"}}]}],\"diagnostics\":{}}"));
        assertThat(cached.cacheControl()).isTrue();
        assertThat(cached.diagnostics()).isTrue();
        assertThat(RequestShape.of(bytes("[1]"))).isNull();
        assertThat(RequestShape.of(bytes("{\"model\": \"x\""))).isNull();
    }

    private static String edit(String body, java.util.function.Consumer<RequestRewriter> edits) {
        RequestRewriter rewriter = new RequestRewriter(bytes(body), RequestShape.of(bytes(body)));
        edits.accept(rewriter);
        return new String(rewriter.bytes(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
