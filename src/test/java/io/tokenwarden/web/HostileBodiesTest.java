package io.tokenwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every endpoint that takes a body, against bodies a broken or hostile client sends: empty, not JSON, cut short,
 * the wrong shape, nested a hundred thousand deep, invalid UTF-8, a number out of every range, a 3 MB string. Each
 * must be a 4xx that says what is wrong, never a 5xx, never a stack trace.
 */
@IntegrationTest
class HostileBodiesTest {

    private static final List<String> APP_KEY_ENDPOINTS =
            List.of("POST /api/v1/events", "POST /api/v1/outcomes", "POST /v1/traces");
    private static final List<String> ADMIN_ENDPOINTS = List.of(
            "POST /api/v1/prices",
            "POST /api/v1/catalog",
            "POST /api/v1/catalog/preview",
            "POST /api/v1/reconciliation/cost-report",
            "POST /api/v1/reconciliation/usage-report",
            "PUT /api/v1/use-cases/hostile-bodies",
            "POST /api/v1/alert-channels",
            "POST /api/v1/apps",
            "POST /api/v1/tokens",
            "POST /api/v1/recommendations/1/status",
            "POST /api/v1/recommendations/1/pilot");

    @Autowired
    Api api;

    private String appKey;

    @BeforeEach
    void app() {
        appKey = api.newApp().apiKey();
    }

    @Test
    void everyBodyTakingEndpointAnswersA4xxThatSaysWhyToEveryMalformedBody() {
        List<String> failures = new ArrayList<>();
        for (String endpoint : all()) {
            for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
                Api.Response response = api.send(request(endpoint, body.getValue()));
                boolean refused = response.status() >= 400 && response.status() < 500
                        || everyItemRejected(response)
                        || otlpIgnoresUnknownFields(endpoint, body.getKey(), response);
                boolean explained = !response.body().isBlank()
                        && !response.body().contains("Exception")
                        && !response.body().contains("\tat ");
                if (!refused || !explained) {
                    failures.add(endpoint + " with " + body.getKey() + ": " + response.status() + " "
                            + response.body()
                                    .substring(0, Math.min(200, response.body().length())));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The batch endpoints answer a batch of wrong items with 207: each item rejected, with its reasons. */
    private static boolean everyItemRejected(Api.Response response) {
        if (response.status() != 207) {
            return false;
        }
        var json = response.json();
        return json.get("accepted").asLong() == 0
                && json.get("rejected").asLong() == json.get("results").size()
                && json.get("results")
                        .valueStream()
                        .allMatch(r -> !r.get("errors").isEmpty());
    }

    /**
     * OTLP/JSON receivers must ignore fields they do not know (the OTLP specification, "JSON Protobuf Encoding"): an
     * object of unknown fields is an empty export, accepted with nothing stored.
     */
    private static boolean otlpIgnoresUnknownFields(String endpoint, String body, Api.Response response) {
        return endpoint.endsWith("/v1/traces")
                && body.equals("a number beyond every range")
                && response.status() == 200
                && response.body().replaceAll("\\s", "").equals("{}");
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(APP_KEY_ENDPOINTS);
        all.addAll(ADMIN_ENDPOINTS);
        return all;
    }

    private HttpRequest.Builder request(String endpoint, byte[] body) {
        String[] methodAndPath = endpoint.split(" ");
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(methodAndPath[1]))
                .header("Content-Type", "application/json")
                .method(methodAndPath[0], HttpRequest.BodyPublishers.ofByteArray(body));
        return APP_KEY_ENDPOINTS.contains(endpoint)
                ? request.header("Authorization", "Bearer " + appKey)
                : request.header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD));
    }

    private static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("an empty body", new byte[0]);
        bodies.put("text that is not JSON", utf8("hello, world"));
        bodies.put("JSON cut short", utf8("{\"events\": [{\"event_id\": \"a\""));
        bodies.put("an array where an object belongs", utf8("[1, 2, 3]"));
        bodies.put("a bare null", utf8("null"));
        bodies.put("arrays nested 100,000 deep", utf8("[".repeat(100_000) + "]".repeat(100_000)));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        bodies.put("a number beyond every range", utf8("{\"events\": 1e999999999, \"share\": 1e999999999}"));
        bodies.put("a 3 MB string", utf8("{\"name\": \"" + "a".repeat(3_000_000) + "\"}"));
        return bodies;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
