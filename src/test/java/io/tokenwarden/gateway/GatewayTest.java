package io.tokenwarden.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.PageSession;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The gateway with real peers: the official Anthropic Java SDK as the app, a local stand-in of the Messages API as
 * the upstream. Costs are checked to the last decimal: Sonnet 4.6 with 3 input tokens, 1,200 written to the cache,
 * 4,000 read and 50 output.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest extends GatewayFixture {

    @Autowired
    MeterRegistry meters;

    private AnthropicClient sdk(String useCase) {
        return AnthropicOkHttpClient.builder()
                .baseUrl(api.uri("/anthropic").toString())
                .apiKey("sk-ant-test-secret")
                .putHeader("X-Tokenwarden-Key", app.apiKey())
                .putHeader("X-Tokenwarden-Use-Case", useCase)
                .putHeader("X-Tokenwarden-Task-Type", "classification")
                .putHeader("X-Tokenwarden-Tags", "team=legal")
                .maxRetries(0)
                .build();
    }

    private static MessageCreateParams params() {
        return MessageCreateParams.builder()
                .model("claude-sonnet-4-6")
                .maxTokens(100)
                .system("You are a contract reviewer. Today is 2026-12-02.")
                .addUserMessage("Review this clause.")
                .build();
    }

    @Test
    void aBlockingCallIsAnsweredAsTheUpstreamAnsweredAndRecordedExactly(CapturedOutput output) {
        Message message = sdk("gw-blocking").messages().create(params());

        assertThat(message.id()).startsWith("msg_standin_");
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Hello from the stand-in.");
        StandInUpstream.Received sent = UPSTREAM.received.get(0);
        // the SDK (3.x) sends its key as Authorization: Bearer; on /anthropic that header is the upstream's, untouched
        assertThat(Optional.ofNullable(sent.header("x-api-key")).orElse(sent.header("authorization")))
                .endsWith("sk-ant-test-secret");
        assertThat(sent.header("anthropic-version")).isNotNull();
        assertThat(sent.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-tokenwarden"));

        Map<String, Object> event = recorded(message.id());
        // 3 x 3 + 1,200 x 3.75 + 4,000 x 0.30 + 50 x 15 = 6,459 per million
        assertThat((BigDecimal) event.get("cost")).isEqualByComparingTo("0.006459");
        assertThat(event)
                .containsEntry("use_case", "gw-blocking")
                .containsEntry("task_type", "classification")
                .containsEntry("cache_write_5m_tokens", 1200L)
                .containsEntry("prefix_tokens", 5200L)
                .containsEntry("conversation_turn", 1);
        assertThat((String) event.get("prefix_hash")).startsWith("sha256:");
        assertThat((String) event.get("tags"))
                .contains("\"tw_source\": \"gateway\"", "\"team\": \"legal\"", "\"tw_prefix_tokens\": \"measured\"");
        assertThat(jdbc.sql("SELECT count(*) FROM usage_event WHERE tags::text LIKE '%Review this%' OR tags::text "
                                + "LIKE '%contract reviewer%'")
                        .query(Long.class)
                        .single())
                .as("no prompt text is stored")
                .isZero();
        assertThat(output.getAll()).as("the upstream credential reaches no log").doesNotContain("sk-ant-test-secret");
        assertThat(jdbc.sql("SELECT count(*) FROM usage_event WHERE tags::text LIKE '%sk-ant%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStreamIsRelayedEventByEventAndRecordedFromMessageStartAndTheFinalDelta() {
        List<Long> arrivals = new ArrayList<>();
        List<String> types = new ArrayList<>();
        long started = System.nanoTime();
        try (StreamResponse<RawMessageStreamEvent> stream =
                sdk("gw-stream").messages().createStreaming(params())) {
            stream.stream().forEach(event -> {
                arrivals.add((System.nanoTime() - started) / 1_000_000);
                types.add(event.isMessageStart() ? "message_start" : event.isMessageStop() ? "message_stop" : "other");
            });
        }
        assertThat(types).first().isEqualTo("message_start");
        assertThat(types).last().isEqualTo("message_stop");
        // the stand-in pauses 150 ms after each event: relayed as they come, the first arrives long before the last
        assertThat(arrivals.get(arrivals.size() - 1) - arrivals.get(0)).isGreaterThan(700);

        String id = jdbc.sql("SELECT event_id FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                .param(app.name())
                .query(String.class)
                .optional()
                .orElse(null);
        Map<String, Object> event = recorded(Optional.ofNullable(id).orElseGet(() -> awaitFirstEvent("e.event_id")));
        // the 1-hour split comes from message_start, output 50 from the final message_delta:
        // 3 x 3 + 1,200 x 6 + 4,000 x 0.30 + 50 x 15 = 9,159 per million
        assertThat((BigDecimal) event.get("cost")).isEqualByComparingTo("0.009159");
        assertThat(event).containsEntry("cache_write_1h_tokens", 1200L).containsEntry("output_tokens", 50L);
    }

    @Test
    void errorsAndRefusalsAreTheUpstreamsOrAnthropicShapedAndRecordNothing() throws Exception {
        HttpResponse<String> overloaded = raw(
                "/anthropic/v1/messages",
                "{\"model\":\"claude-overloaded\",\"max_tokens\":1}",
                "gw-errors",
                app.apiKey());
        assertThat(overloaded.statusCode()).isEqualTo(529);
        assertThat(overloaded.headers().firstValue("retry-after")).contains("7");
        assertThat(overloaded.body()).contains("overloaded_error");

        HttpResponse<String> noUseCase =
                raw("/anthropic/v1/messages", "{\"model\":\"claude-sonnet-4-6\"}", null, app.apiKey());
        assertThat(noUseCase.statusCode()).isEqualTo(400);
        assertThat(noUseCase.body()).contains("\"invalid_request_error\"", "X-Tokenwarden-Use-Case");
        assertThat(UPSTREAM.received).hasSize(1); // the refused call never went upstream

        assertThatThrownBy(() -> AnthropicOkHttpClient.builder()
                        .baseUrl(api.uri("/anthropic").toString())
                        .apiKey("sk-ant-x")
                        .maxRetries(0)
                        .build()
                        .messages()
                        .create(params()))
                .isInstanceOf(UnauthorizedException.class);
        Thread.sleep(500);
        assertThat(count()).isZero();
    }

    @Test
    void requestBytesAndUnknownFieldsPassUntouchedAndCountTokensIsNotRecorded() throws Exception {
        String body = "{ \"model\" : \"claude-sonnet-4-6\",\"max_tokens\":5, \"future_field\": {\"x\": [1,2]},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}] }";
        // the one change the gateway makes by default, the diagnostics field, is off for this use case
        api.putAsAdmin("/api/v1/use-cases/gw-bytes", "{\"cache_diagnostics\": false}");
        double okBefore =
                meters.counter("tokenwarden.gateway.calls", "status", "2xx").count();
        HttpResponse<String> answer = raw("/anthropic/v1/messages", body, "gw-bytes", app.apiKey());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("request-id")).contains("req_standin");
        assertThat(answer.headers().map().keySet())
                .as("the upstream's headers, none of the pages' security headers added")
                .doesNotContain("x-frame-options", "x-content-type-options", "cache-control", "pragma", "expires");
        assertThat(new String(UPSTREAM.received.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo(body);
        assertThat(answer.body()).contains("\"Hello from the stand-in.\"");

        HttpResponse<String> counted = raw("/anthropic/v1/messages/count_tokens", body, "gw-bytes", app.apiKey());
        assertThat(counted.body()).isEqualTo("{\"input_tokens\": 42}");
        assertThat(meters.counter("tokenwarden.gateway.calls", "status", "2xx").count() - okBefore)
                .isEqualTo(2);
        awaitFirstEvent("e.event_id");
        Thread.sleep(300);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void batchResultsFetchedThroughTheGatewayAreRecordedAsBatchCalls() throws Exception {
        HttpResponse<String> results = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api.uri("/anthropic/v1/messages/batches/msgbatch_1/results"))
                                .header("x-api-key", "sk-ant-test")
                                .header("X-Tokenwarden-Key", app.apiKey())
                                .header("X-Tokenwarden-Use-Case", "gw-batch")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(results.statusCode()).isEqualTo(200);

        // two succeeded results at half price: 6,459 / 2 = 3,229.5 per million each
        assertThat((BigDecimal) recorded("msg_batch_a").get("cost")).isEqualByComparingTo("0.0032295");
        assertThat(recorded("msg_batch_c"))
                .containsEntry("service_tier", "batch")
                .containsEntry("use_case", "gw-batch");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void interpolatedValuesInTheSystemPromptShowAsAStableMaskedHashWithTheirOffsets() {
        AnthropicClient client = sdk("gw-busting");
        List<String> ids = new ArrayList<>();
        for (String day : List.of("2026-12-01", "2026-12-02")) {
            ids.add(client.messages()
                    .create(MessageCreateParams.builder()
                            .model("claude-sonnet-4-6")
                            .maxTokens(10)
                            .system("You are a contract reviewer. Today is " + day + ".")
                            .addUserMessage("Hi")
                            .build())
                    .id());
        }
        Map<String, Object> first = recorded(ids.get(0));
        Map<String, Object> second = recorded(ids.get(1));
        assertThat(tag(first, "tw_system_masked_hash")).isEqualTo(tag(second, "tw_system_masked_hash"));
        assertThat(tag(first, "tw_system_hash")).isNotEqualTo(tag(second, "tw_system_hash"));
        assertThat(tag(first, "tw_system_masked_at")).isEqualTo("38");
        assertThat(first.get("prefix_hash")).isNotEqualTo(second.get("prefix_hash"));
    }

    @Test
    void theFeaturePageAndTheDashboardShowCallsThatCameThroughTheGateway() throws Exception {
        sdk("gw-pages").messages().create(params());
        awaitFirstEvent("e.event_id");
        rollupJob.catchUp(Duration.ofSeconds(30));
        PageSession pages = PageSession.signIn(api, "admin", Api.ADMIN_PASSWORD);

        assertThat(pages.html("/features/gw-pages")).containsPattern("id=\"gateway-share\"[^>]*>1 of 1 calls<");
        assertThat(pages.html("/dashboard")).containsPattern("id=\"gateway-spend\"");
    }

    private String tag(Map<String, Object> event, String key) {
        return jdbc.sql("SELECT tags->>? FROM usage_event WHERE event_id = ?")
                .params(key, event.get("event_id"))
                .query(String.class)
                .single();
    }

    /** The stored event, waiting for the recorder (it runs after the answer, on its own threads). */
    private Map<String, Object> recorded(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows =
                    jdbc.sql("""
                            SELECT e.event_id, e.use_case, e.task_type, e.cost, e.cache_write_5m_tokens, e.cache_write_1h_tokens,
                                   e.output_tokens, e.prefix_hash, e.prefix_tokens, e.conversation_turn, e.service_tier,
                                   e.tags::text AS tags
                            FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? AND e.event_id = ?""").params(app.name(), eventId).query().listOfRows();
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            sleep();
        }
        throw new AssertionError("event " + eventId + " was not recorded within 15 s");
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                .param(app.name())
                .query(Long.class)
                .single();
    }
}
