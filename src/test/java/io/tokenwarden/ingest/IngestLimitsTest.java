package io.tokenwarden.ingest;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whole-request refusals: 400, 413, 415, each as problem JSON and with nothing stored. */
@IntegrationTest
class IngestLimitsTest {

    @Autowired
    Api api;

    Api.NewApp app;

    @BeforeEach
    void newApp() {
        app = api.newApp();
    }

    @Test
    void bodyOverTwoMibIs413() {
        Api.Response response = api.postEvents(app.apiKey(), "{\"events\":[" + "0,".repeat(1_100_000) + "0]}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void chunkedBodyOverTwoMibIs413() {
        byte[] body = ("{\"events\":[" + "0,".repeat(1_100_000) + "0]}").getBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/events"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + app.apiKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(api.send(request).status()).isEqualTo(413);
    }

    @Test
    void wrongContentTypeIs415() {
        HttpRequest.Builder request = api.jsonPost(
                        "/api/v1/events", api.toJson(event("e").toMap()))
                .setHeader("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + app.apiKey());

        assertThat(api.send(request).status()).isEqualTo(415);
    }

    @Test
    void malformedJsonIs400() {
        assertThat(api.postEvents(app.apiKey(), "{\"event_id\": ").status()).isEqualTo(400);
        assertThat(api.postEvents(app.apiKey(), "\"just a string\"").status()).isEqualTo(400);
        assertThat(api.postEvents(app.apiKey(), "{\"events\": {}}").status()).isEqualTo(400);
        assertThat(api.postEvents(app.apiKey(), "{\"a\":1} {\"b\":2}").status()).isEqualTo(400);
    }

    /** Found by EventDecoderFuzzTest: Jackson throws a bare NumberFormatException for such an exponent. */
    @Test
    void aDecimalWithAnExponentOutOfRangeIs400() {
        Api.Response response =
                api.postEvents(app.apiKey(), "{\"event_id\":\"e\",\"usage\":{\"input_tokens\":1E888888888888888883}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("number out of range");
    }

    @Test
    void invalidUtf8AndOversizedStringsAre400() {
        byte[] invalidUtf8 = "{\"event_id\":\"\u0000\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        invalidUtf8[13] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/events"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + app.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8));

        assertThat(api.send(request).status()).isEqualTo(400);
        assertThat(api.postEvents(app.apiKey(), "{\"event_id\":\"" + "x".repeat(70_000) + "\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void deepNestingIs400() {
        String deep = "{\"events\":[" + "[".repeat(500) + "]".repeat(500) + "]}";

        assertThat(api.postEvents(app.apiKey(), deep).status()).isEqualTo(400);
    }

    @Test
    void moreThanAThousandEventsIs400WithTheField() {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(event("e" + i).toMap());
        }
        Api.Response response = api.postEvents(app.apiKey(), api.toJson(Map.of("events", events)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue())
                .isEqualTo("events");
    }

    @Test
    void aThousandEventsAreAcceptedInOneRequest() {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(event("bulk-" + i).toMap());
        }
        Api.Response response = api.postEvents(app.apiKey(), api.toJson(Map.of("events", events)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("accepted").intValue()).isEqualTo(1000);
    }
}
