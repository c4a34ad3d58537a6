package io.tokenwarden.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tokenwarden.harness.AppProcess;
import io.tokenwarden.harness.ExternalPostgres;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery across a crash: a delivery the receiver refuses is still pending when the app is killed
 * with SIGKILL; after the restart it reaches the receiver, with the same delivery id.
 */
class AlertDeliveryRestartTest {

    @Test
    void anUndeliveredAlertIsDeliveredAfterASigkillAndARestart() throws Exception {
        Path work = Files.createTempDirectory("tokenwarden-alert-restart-");
        List<String> received = new CopyOnWriteArrayList<>();
        boolean[] accepting = {false};
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("X-Tokenwarden-Delivery"));
            exchange.sendResponseHeaders(accepting[0] ? 204 : 503, -1);
            exchange.close();
        });
        receiver.start();
        try (ExternalPostgres postgres = new ExternalPostgres(work.resolve("pg"))) {
            AppProcess app = new AppProcess(
                            Path.of("target", "harness", "alert-restart.log"),
                            List.of(
                                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                                    "--spring.datasource.username=postgres",
                                    "--tokenwarden.alerts.delivery-interval=200ms",
                                    "--tokenwarden.alerts.retry-base=200ms",
                                    // killed between sending and recording, a delivery is sent again when its lease has
                                    // passed
                                    "--tokenwarden.alerts.lease=3s"))
                    .start();
            admin(
                    app,
                    "POST",
                    "/api/v1/alert-channels",
                    "{\"name\": \"ops\", \"kind\": \"webhook\", \"target\": " + "\"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/hook\", \"secret\": \"s\"}");
            String sent = admin(app, "POST", "/api/v1/alert-channels/ops/test", "");
            Matcher id = Pattern.compile("\"delivery_id\"\\s*:\\s*\"([^\"]+)\"").matcher(sent);
            assertThat(id.find()).as(sent).isTrue();
            await(() -> !received.isEmpty());
            app.kill();
            int refused = received.size();

            accepting[0] = true;
            app.start();
            await(() -> received.size() > refused);
            System.out.printf(
                    "Alert delivery across SIGKILL: refused %d times before the kill, delivered after the "
                            + "restart%n",
                    refused);
            assertThat(received).allMatch(id.group(1)::equals);
            app.close();
        } finally {
            receiver.stop(0);
        }
    }

    private static String admin(AppProcess app, String method, String path, String body) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(("admin:" + AppProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.uri(path))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
        return answer.body();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
