package io.tokenwarden.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the app sees when the upstream fails it, and what the upstream sees when the app goes away: errors in the
 * Anthropic shape, with the statuses the official SDKs retry (502, 504), and an abandoned stream ended upstream at
 * once instead of read to its end.
 */
class GatewayUpstreamFailuresTest extends GatewayFixture {

    @Test
    void anUpstreamThatHangsUpIsA502AndOneThatDoesNotAnswerInTimeIsA504() throws Exception {
        HttpResponse<String> hungUp = raw(
                "/anthropic/v1/messages",
                "{\"model\":\"claude-hang-up\",\"max_tokens\":1}",
                "gw-failures",
                app.apiKey());
        assertThat(hungUp.statusCode()).isEqualTo(502);
        assertThat(hungUp.body()).contains("\"type\":\"error\"", "\"api_error\"", "could not be reached");

        long started = System.nanoTime();
        HttpResponse<String> slow = raw(
                "/anthropic/v1/messages", "{\"model\":\"claude-slow\",\"max_tokens\":1}", "gw-failures", app.apiKey());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(slow.body()).contains("\"api_error\"", "did not answer in time");
        assertThat(tookMillis)
                .as("answered at the 2-s response timeout, not after the upstream's 5 s")
                .isBetween(1_900L, StandInUpstream.SLOW_MILLIS - 1_000);

        // the pool keeps working after both: the next call is answered normally
        assertThat(raw(
                                "/anthropic/v1/messages",
                                "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":1}",
                                "gw-failures",
                                app.apiKey())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAppThatLeavesAStreamEndsTheUpstreamStreamAndThePartUsageIsRecordedAsIncomplete() throws Exception {
        String body = "{\"model\":\"claude-long-stream\",\"max_tokens\":100,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (Socket socket = new Socket("localhost", api.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /anthropic/v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "x-api-key: sk-ant-test\r\nanthropic-version: 2023-06-01\r\nX-Tokenwarden-Key: "
                            + app.apiKey()
                            + "\r\nX-Tokenwarden-Use-Case: gw-leaver\r\nContent-Length: " + body.length() + "\r\n\r\n"
                            + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            readUntil(socket.getInputStream(), "event: message_start");
        } // the app goes away after the first event; the stand-in still has 60 deltas, 150 ms apart, to send

        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (UPSTREAM.brokenStreams.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(UPSTREAM.brokenStreams)
                .as("the upstream stream ended long before its 9 s")
                .hasSize(1);
        String tags = awaitFirstEvent("e.tags::text");
        assertThat(tags).contains("\"tw_incomplete\": \"client_disconnected\"");
    }

    private static void readUntil(InputStream in, String marker) throws Exception {
        StringBuilder seen = new StringBuilder();
        int b;
        while (!seen.toString().contains(marker) && (b = in.read()) != -1) {
            seen.append((char) b);
        }
        assertThat(seen.toString()).startsWith("HTTP/1.1 200").contains(marker);
    }
}
