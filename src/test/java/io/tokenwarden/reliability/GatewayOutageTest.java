package io.tokenwarden.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.gateway.StandInUpstream;
import io.tokenwarden.harness.AppProcess;
import io.tokenwarden.harness.ExternalPostgres;
import io.tokenwarden.harness.HarnessApi;
import io.tokenwarden.harness.TcpRelay;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's fail-open promise against the real app in a process of its own: PostgreSQL goes away (a proxy
 * refuses it) while apps keep calling through the gateway, for longer than the app-key cache lasts; every call is
 * answered; the usage waits in the spool; the app is killed with SIGKILL while the spool holds it; PostgreSQL comes
 * back, the app restarts, and every call is stored exactly once.
 */
class GatewayOutageTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("msg_standin_[a-z_]*\\d+");

    @Test
    void noCallFailsAndNoUsageIsLostOrCountedTwiceAcrossAnOutageAndASigkill() throws Exception {
        Path work = Files.createTempDirectory("tokenwarden-gateway-outage-");
        Path spool = work.resolve("spool");
        try (ExternalPostgres postgres = new ExternalPostgres(work.resolve("pg"));
                TcpRelay proxy = new TcpRelay(ExternalPostgres.portOf(work.resolve("pg")));
                StandInUpstream upstream = new StandInUpstream()) {
            upstream.pauseMillis = 0;
            AppProcess app = new AppProcess(
                            Path.of("target", "harness", "gateway-outage.log"),
                            List.of(
                                    "--spring.datasource.url=jdbc:postgresql://localhost:" + proxy.port() + "/postgres",
                                    "--spring.datasource.username=postgres",
                                    "--tokenwarden.gateway.upstream-url=" + upstream.url(),
                                    "--tokenwarden.gateway.spool-dir=" + spool,
                                    "--tokenwarden.gateway.replay-interval=1s"))
                    .start();
            String key = HarnessApi.newAppKey(app, "gw-outage");
            Set<String> answered = new LinkedHashSet<>();
            for (int i = 0; i < 5; i++) {
                answered.add(call(app, key, i % 2 == 0));
            }
            proxy.down();
            long outageStart = System.nanoTime();
            int duringOutage = 0;
            while (System.nanoTime() - outageStart < Duration.ofSeconds(7).toNanos()) { // past the 5-s key cache
                answered.add(call(app, key, duringOutage % 2 == 0));
                duringOutage++;
                Thread.sleep(100);
            }
            awaitSpooled(spool, 1, duringOutage);
            app.kill();
            long spooled = entries(spool);
            assertThat(spooled)
                    .as("the usage is in the spool when the app dies")
                    .isPositive();

            proxy.up();
            app.start();
            HarnessApi.Stored stored = awaitStored(postgres.jdbcUrl(), answered.size());
            System.out.printf(
                    "Gateway outage: %d calls answered (%d during the outage), %d spool entries at the "
                            + "SIGKILL, %d events stored after the restart%n",
                    answered.size(), duringOutage, spooled, stored.rows());
            assertThat(stored.ids()).containsExactlyInAnyOrderElementsOf(answered);
            assertThat(stored.rows()).isEqualTo(answered.size());
            assertThat(entries(spool)).isZero();
            app.close();
        }
    }

    /** One call through the gateway; it must be answered whatever PostgreSQL is doing. Returns the message id. */
    private static String call(AppProcess app, String key, boolean stream) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.uri("/anthropic/v1/messages"))
                                .header("content-type", "application/json")
                                .header("x-api-key", "sk-ant-test")
                                .header("X-Tokenwarden-Key", key)
                                .header("X-Tokenwarden-Use-Case", "gw-outage")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":10," + "\"stream\":" + stream
                                                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher id = MESSAGE_ID.matcher(answer.body());
        assertThat(id.find()).isTrue();
        return id.group();
    }

    /** The recorder spools after the answer, off the app's path: wait until the outage's calls are on disk. */
    private static void awaitSpooled(Path spool, long atLeastEntries, int calls) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && spooledEvents(spool) < calls) {
            Thread.sleep(100);
        }
        assertThat(entries(spool)).isGreaterThanOrEqualTo(atLeastEntries);
    }

    private static long spooledEvents(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .mapToLong(f -> {
                        try {
                            return Files.readString(f).split("\"event_id\"", -1).length - 1;
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    private static long entries(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    private static HarnessApi.Stored awaitStored(String jdbcUrl, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HarnessApi.Stored stored = HarnessApi.stored(jdbcUrl, "gw-outage");
        while (System.nanoTime() < deadline && stored.rows() < expected) {
            Thread.sleep(250);
            stored = HarnessApi.stored(jdbcUrl, "gw-outage");
        }
        return stored;
    }
}
