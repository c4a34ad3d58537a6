package io.tokenwarden.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results of a Message Batch (JSON Lines), fetched through the gateway: each {@code succeeded} result's message
 * is a call billed at the batch tier. Errored, canceled and expired requests are not billed and are skipped.
 */
final class BatchResultsTap extends BufferedTap {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    BatchResultsTap(String contentEncoding) {
        super(contentEncoding);
    }

    @Override
    List<JsonNode> parse(byte[] answer) {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : new String(answer, StandardCharsets.UTF_8).split("\n")) {
            JsonNode result = line.isBlank() ? null : JSON.readTree(line);
            if (result != null
                    && "succeeded".equals(result.path("result").path("type").asString(""))
                    && result.path("result").path("message").isObject()) {
                ObjectNode message = ((ObjectNode) result.get("result").get("message")).deepCopy();
                ObjectNode usage = message.path("usage").isObject()
                        ? (ObjectNode) message.get("usage")
                        : message.putObject("usage");
                usage.put("service_tier", "batch");
                messages.add(message);
            }
        }
        return messages;
    }
}
