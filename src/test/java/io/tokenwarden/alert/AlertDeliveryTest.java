package io.tokenwarden.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries to real peers: an HTTP receiver that fails twice before it accepts, one that checks Slack's
 * incoming-webhook format, and a GreenMail SMTP server. Retries are fast in tests (tokenwarden.alerts.retry-base).
 */
@IntegrationTest
class AlertDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    @Autowired
    AlertStore alerts;

    @Autowired
    TransactionTemplate transaction;

    HttpServer receiver;
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of(
                    "path",
                    exchange.getRequestURI().getPath(),
                    "body",
                    body,
                    "signature",
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Tokenwarden-Signature")),
                    "delivery",
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Tokenwarden-Delivery"))));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        for (String channel : List.of("hook", "slack", "mail", "elsewhere")) {
            api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/alert-channels/" + channel))
                    .DELETE()
                    .header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD)));
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private void channel(String json) {
        Api.Response created = api.postAsAdmin("/api/v1/alert-channels", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void open(String useCase) {
        transaction.executeWithoutResult(status -> alerts.open(
                "budget_threshold",
                useCase,
                "2026-12:80",
                new BigDecimal("85.5"),
                new BigDecimal("80"),
                useCase + " has spent $85.50, 80% of its $100.00 budget"));
    }

    @Test
    void aWebhookThatFailsTwiceGetsTheSameSignedDeliveryThreeTimes() throws Exception {
        channel("{\"name\": \"hook\", \"kind\": \"webhook\", \"target\": \"" + url("/hook")
                + "\", \"secret\": \"s3cret\"}");
        channel("{\"name\": \"elsewhere\", \"kind\": \"webhook\", \"target\": \"" + url("/elsewhere")
                + "\", \"use_cases\": [\"another-use-case\"]}");
        failuresLeft.set(2);

        open("alert-hook");

        await(() -> received.size() >= 3);
        Thread.sleep(500);
        assertThat(received)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.get("path")).isEqualTo("/hook"));
        assertThat(received.stream().map(r -> r.get("delivery")).distinct()).hasSize(1);
        for (Map<String, String> request : received) {
            assertThat(request.get("signature")).isEqualTo("sha256=" + hmac("s3cret", request.get("body")));
        }
        JsonNode body = JSON.readTree(received.get(0).get("body"));
        assertThat(body.get("delivery_id").asString()).isEqualTo(received.get(0).get("delivery"));
        assertThat(body.get("event").asString()).isEqualTo("opened");
        assertThat(body.get("alert").get("kind").asString()).isEqualTo("budget_threshold");
        assertThat(body.get("alert").get("use_case").asString()).isEqualTo("alert-hook");
        assertThat(body.get("alert").get("amount_usd").asString()).isEqualTo("85.500000000000");
        await(() -> deliveries("hook").get(0).get("status").asString().equals("delivered"));
        assertThat(deliveries("hook").get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(deliveries("elsewhere")).as("limited to another use case").isEmpty();
    }

    @Test
    void slackGetsIncomingWebhookJsonAndATestMessageTakesTheSamePath() throws Exception {
        channel("{\"name\": \"slack\", \"kind\": \"slack\", \"target\": \"" + url("/services/T000/B000/XXXX") + "\"}");

        Api.Response test = api.postAsAdmin("/api/v1/alert-channels/slack/test", "");
        assertThat(test.status()).isEqualTo(202);
        await(() -> !received.isEmpty());

        JsonNode message = JSON.readTree(received.get(0).get("body"));
        assertValidSlackMessage(message);
        assertThat(message.get("text").asString()).isEqualTo("Test: Spend spike on test ($12.34)");
        assertThat(message.get("blocks").get(0).get("text").get("text").asString())
                .contains("<http://localhost:8080/features/test|Open test in Tokenwarden>");
    }

    @Test
    void anEmailReachesTheSmtpServer() throws Exception {
        channel("{\"name\": \"mail\", \"kind\": \"email\", \"target\": \"finance@example.com\"}");

        open("alert-mail");

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("finance@example.com");
        assertThat(mail.getSubject()).isEqualTo("[Tokenwarden] Budget threshold reached on alert-mail ($85.50)");
        assertThat(mail.getHeader("X-Tokenwarden-Delivery")[0]).isNotBlank();
        assertThat((String) mail.getContent()).contains("80% of its $100.00 budget", "/features/alert-mail");
    }

    @Test
    void badChannelsAreRefusedFieldByField() {
        Api.Response bad = api.postAsAdmin(
                "/api/v1/alert-channels",
                "{\"name\": \"Bad Name\", \"kind\": \"pager\", \"target\": \"nowhere\", \"use_cases\": [7]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"name\"", "\"kind\"", "\"use_cases\"");
        Api.Response secret = api.postAsAdmin(
                "/api/v1/alert-channels",
                "{\"name\": \"mail2\", \"kind\": \"email\", \"target\": \"a@b.co\", \"secret\": \"x\"}");
        assertThat(secret.status()).isEqualTo(400);
        assertThat(api.getAsAdmin("/api/v1/alerts?status=maybe").status()).isEqualTo(400);
    }

    /** Slack's incoming-webhook rules for what we send: text, and blocks of section (mrkdwn) and context types. */
    private static void assertValidSlackMessage(JsonNode message) {
        assertThat(message.get("text").isString()).isTrue();
        assertThat(message.get("text").asString()).isNotBlank().hasSizeLessThanOrEqualTo(40_000);
        assertThat(message.get("blocks").isArray()).isTrue();
        assertThat(message.get("blocks").size()).isBetween(1, 50);
        for (JsonNode block : message.get("blocks")) {
            String type = block.get("type").asString();
            assertThat(type).isIn("section", "context");
            if (type.equals("section")) {
                assertThat(block.get("text").get("type").asString()).isIn("mrkdwn", "plain_text");
                assertThat(block.get("text").get("text").asString())
                        .isNotBlank()
                        .hasSizeLessThanOrEqualTo(3000);
            } else {
                assertThat(block.get("elements").size()).isBetween(1, 10);
            }
        }
    }

    private JsonNode deliveries(String channel) {
        return api.getAsAdmin("/api/v1/alert-channels/" + channel + "/deliveries")
                .json();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
