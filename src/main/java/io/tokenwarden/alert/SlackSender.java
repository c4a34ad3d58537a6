package io.tokenwarden.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack incoming webhook: {@code text} (the notification's fallback) and {@code blocks} (a section in mrkdwn with
 * a link to the use case's page, and a context line with the delivery id).
 */
@Component
class SlackSender implements Sender {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(WebhookSender.TIMEOUT).build();
    private final String publicUrl;

    SlackSender(AlertProperties properties) {
        this.publicUrl = properties.publicUrl();
    }

    @Override
    public String kind() {
        return "slack";
    }

    @Override
    public Result send(Channel channel, Delivery delivery) {
        return WebhookSender.post(
                http,
                HttpRequest.newBuilder(URI.create(channel.target()))
                        .timeout(WebhookSender.TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(message(delivery), StandardCharsets.UTF_8))
                        .build());
    }

    String message(Delivery delivery) {
        JsonNode alert = JSON.readTree(delivery.alertJson());
        String useCase = alert.path("use_case").asString("");
        String headline = Texts.headline(delivery.event(), alert);
        ObjectNode message = JSON.createObjectNode().put("text", headline);
        ObjectNode section = message.putArray("blocks").addObject().put("type", "section");
        section.putObject("text")
                .put("type", "mrkdwn")
                .put(
                        "text",
                        "*" + escape(headline) + "*\n"
                                + escape(alert.path("summary").asString("")) + "\n<" + publicUrl + "/features/"
                                + useCase + "|Open "
                                + escape(useCase) + " in Tokenwarden>");
        ObjectNode context = ((tools.jackson.databind.node.ArrayNode) message.get("blocks"))
                .addObject()
                .put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", "delivery " + delivery.deliveryId());
        return JSON.writeValueAsString(message);
    }

    /** Slack's mrkdwn reserves &, < and >. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
