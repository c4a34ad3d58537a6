package io.tokenwarden.security;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Scenarios of the reliability issue that run inside the normal suite: rate limits, hostile keys, racing duplicates. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AbuseResistanceTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoisyKeyGets429WithRetryAfterAndOtherKeysAreUnaffected() throws Exception {
        Api.NewApp noisy = api.newApp();
        Api.NewApp quiet = api.newApp();
        List<Api.Response> answers = concurrently(8, 100, () -> api.postEvents(noisy.apiKey(), "{}"));

        List<Api.Response> limited =
                answers.stream().filter(r -> r.status() == 429).toList();
        assertThat(limited).isNotEmpty(); // 800 requests at once against a burst of 200 refilled at 100/s
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(207, 429)); // "{}" is one invalid event
        assertThat(limited.get(0).raw().headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(api.postEvents(quiet.apiKey(), api.toJson(event("quiet").toMap()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void injectionAndTautologyPayloadsInTheKeyAreAll401WithNoDatabaseError(CapturedOutput output) {
        Api.NewApp real = api.newApp();
        List<String> cores = List.of(
                "' OR '1'='1",
                "' OR 1=1 --",
                "\" OR \"\"=\"",
                "admin'--",
                "1; DROP TABLE app_key; --",
                "' UNION SELECT key_id, secret_hash FROM app_key --",
                "%27%20OR%201%3D1",
                "$(sleep 5)",
                "{\"$ne\": null}",
                "*",
                "tw_%",
                "tw__",
                "' OR key_id LIKE '%",
                "\\\\x00",
                "..%2f..%2fetc%2fpasswd",
                "<script>alert(1)</script>",
                "tw_0000000000000000_' OR ''='",
                "null",
                "undefined",
                "' AND pg_sleep(5) --");
        List<String> payloads = new ArrayList<>();
        for (String core : cores) {
            payloads.add("Bearer " + core);
            payloads.add(core);
            payloads.add("Bearer tw_" + core);
            payloads.add("Bearer tw_0123456789abcdef_" + core);
            payloads.add("Bearer tw_" + real.keyId() + "_" + core); // a real key id with an injected secret
        }
        assertThat(payloads).hasSize(100);
        int logSoFar = output.getAll().length();
        for (String payload : payloads) {
            HttpRequest.Builder request = api.jsonPost(
                            "/api/v1/events", api.toJson(event("inj").toMap()))
                    .header("Authorization", payload);
            assertThat(api.send(request).status()).as(payload).isEqualTo(401);
        }
        assertThat(output.getAll().substring(logSoFar))
                .doesNotContain("PSQLException")
                .doesNotContain("SQLException")
                .doesNotContain("ERROR");
        assertThat(jdbc.sql("SELECT count(*) FROM app_key WHERE key_id = ?")
                        .param(real.keyId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.postEvents(real.apiKey(), api.toJson(event("still-works").toMap()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aThousandIdsSentByThirtyTwoClientsAtOnceAreStoredOnceEach() throws Exception {
        Api.NewApp app = api.newApp();
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(event("race-" + i).toMap());
        }
        String body = api.toJson(Map.of("events", events));

        List<Api.Response> answers = concurrently(32, 1, () -> api.postEvents(app.apiKey(), body));

        long accepted = 0;
        for (Api.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(200);
            JsonNode json = answer.json();
            assertThat(json.get("accepted").longValue() + json.get("duplicates").longValue())
                    .isEqualTo(1000);
            accepted += json.get("accepted").longValue();
        }
        assertThat(accepted).isEqualTo(1000); // each id accepted by exactly one of the 32 requests
        assertThat(jdbc.sql(
                                "SELECT count(*), count(DISTINCT event_id) FROM usage_event e JOIN app a ON a.id = e.app_id "
                                        + "WHERE a.name = ?")
                        .param(app.name())
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(1000L, 1000L);
    }

    private static List<Api.Response> concurrently(int threads, int each, Callable<Api.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Api.Response>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Api.Response> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(call.call());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Api.Response> all = new ArrayList<>();
            for (Future<List<Api.Response>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
