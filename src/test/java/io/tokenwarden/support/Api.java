package io.tokenwarden.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running app over real HTTP, as the contract's clients do. */
@TestComponent
public class Api {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment environment;

    Api(Environment environment) {
        this.environment = environment;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts events in batches of 1,000 and fails the test unless every one is accepted. */
    public void ingestAll(String apiKey, java.util.List<Events> events) {
        for (int i = 0; i < events.size(); i += 1000) {
            java.util.List<Object> batch = events.subList(i, Math.min(events.size(), i + 1000)).stream()
                    .map(e -> (Object) e.toMap())
                    .toList();
            Response response = postEvents(apiKey, toJson(java.util.Map.of("events", batch)));
            if (response.status() != 200) {
                throw new AssertionError("ingest failed: " + response.status() + " " + response.body());
            }
        }
    }

    public Response postEvents(String apiKey, String body) {
        return send(jsonPost("/api/v1/events", body).header("Authorization", "Bearer " + apiKey));
    }

    public Response postAsAdmin(String path, String body) {
        return send(jsonPost(path, body).header("Authorization", basic("admin", ADMIN_PASSWORD)));
    }

    /** PUT of a JSON body as the bootstrap admin, failing the test unless it is a 200 (use-case settings and the like). */
    public Response putAsAdmin(String path, String body) {
        Response response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (response.status() != 200) {
            throw new AssertionError("PUT " + path + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    public Response getAs(String user, String password, String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", basic(user, password)));
    }

    public Response getAsAdmin(String path) {
        return getAs("admin", ADMIN_PASSWORD, path);
    }

    public HttpRequest.Builder jsonPost(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A new app with a unique name, so that tests sharing the database never see each other's events. */
    public NewApp newApp() {
        String name = "app-" + UUID.randomUUID().toString().substring(0, 12);
        JsonNode created =
                postAsAdmin("/api/v1/apps", "{\"name\":\"" + name + "\"}").json();
        return new NewApp(
                created.get("app").stringValue(),
                created.get("key_id").stringValue(),
                created.get("api_key").stringValue());
    }

    public record NewApp(String name, String keyId, String apiKey) {}

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String toJson(Object value) {
        return json.writeValueAsString(value);
    }
}
