package io.tokenwarden.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A webhook: {@code {"delivery_id", "alert", "event"}} POSTed with {@code X-Tokenwarden-Signature: sha256=<hex
 * HMAC-SHA256 of the raw body with the channel's secret>} and {@code X-Tokenwarden-Delivery}. Any 2xx delivers.
 */
@Component
class WebhookSender implements Sender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public Result send(Channel channel, Delivery delivery) {
        String body = "{\"delivery_id\":\"" + delivery.deliveryId() + "\",\"alert\":" + delivery.alertJson()
                + ",\"event\":\"" + delivery.event() + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.target()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Tokenwarden-Delivery", delivery.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (channel.secret() != null) {
            request.header("X-Tokenwarden-Signature", "sha256=" + hmac(channel.secret(), body));
        }
        return post(http, request.build());
    }

    static Result post(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2
                    ? Result.ok(answer.statusCode())
                    : Result.failed(answer.statusCode(), "answered HTTP " + answer.statusCode());
        } catch (java.io.IOException e) {
            return Result.failed(null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(null, "interrupted");
        }
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
