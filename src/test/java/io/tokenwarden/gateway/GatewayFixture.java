package io.tokenwarden.gateway;

import io.tokenwarden.analytics.RollupJob;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with its gateway pointed at one local stand-in of the Messages API, shared by the gateway's test classes
 * (and so is their Spring context). Each test gets a new app key and a stand-in that has received nothing yet.
 */
@IntegrationTest
abstract class GatewayFixture {

    static final StandInUpstream UPSTREAM = start();
    private static final String SPOOL = spool();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("tokenwarden.gateway.upstream-url", UPSTREAM::url);
        registry.add("tokenwarden.gateway.spool-dir", () -> SPOOL);
        registry.add("tokenwarden.gateway.response-timeout", () -> "2s"); // the stand-in's claude-slow takes 5 s
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RollupJob rollupJob;

    Api.NewApp app;

    @BeforeEach
    void newAppAndEmptyUpstream() {
        app = api.newApp();
        UPSTREAM.received.clear();
    }

    /** A call through the gateway as a plain HTTP client makes it; no key or use-case header where null. */
    HttpResponse<String> raw(String path, String body, String useCase, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .header("content-type", "application/json")
                .header("x-api-key", "sk-ant-test")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Tokenwarden-Key", key);
        }
        if (useCase != null) {
            request.header("X-Tokenwarden-Use-Case", useCase);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One column of this test's app's first recorded event, waiting for the recorder (it runs after the answer). */
    String awaitFirstEvent(String column) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> value = jdbc.sql("SELECT " + column
                            + " FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? LIMIT 1")
                    .param(app.name())
                    .query(String.class)
                    .optional();
            if (value.isPresent()) {
                return value.get();
            }
            sleep();
        }
        throw new AssertionError("no event of " + app.name() + " was recorded within 15 s");
    }

    static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StandInUpstream start() {
        try {
            return new StandInUpstream(); // stops with the test JVM: the classes sharing it end in any order
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String spool() {
        try {
            return Files.createTempDirectory("tokenwarden-spool").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
