package io.tokenwarden.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results of a Message Batch (JSON Lines), fetched through the gateway: each {@code succeeded} result's message
 * is a call billed at the batch tier. Errored, canceled and expired requests are not billed and are skipped.
 */
final class BatchResultsTap implements UsageTap {

    private static final Logger log = LoggerFactory.getLogger(BatchResultsTap.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Buffered body;

    BatchResultsTap(String contentEncoding) {
        this.body = new Buffered(contentEncoding);
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        body.accept(bytes, offset, length);
    }

    @Override
    public List<JsonNode> messages() {
        if (body.overflowed()) {
            log.warn("Batch results over {} bytes were relayed but not read for usage", MAX_BUFFERED);
            return List.of();
        }
        List<JsonNode> messages = new ArrayList<>();
        try {
            for (String line : new String(body.decoded(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode result = line.isBlank() ? null : JSON.readTree(line);
                if (result != null && "succeeded".equals(result.path("result").path("type").asString(""))
                        && result.path("result").path("message").isObject()) {
                    ObjectNode message = ((ObjectNode) result.get("result").get("message")).deepCopy();
                    ObjectNode usage = message.path("usage").isObject() ? (ObjectNode) message.get("usage")
                            : message.putObject("usage");
                    usage.put("service_tier", "batch");
                    messages.add(message);
                }
            }
        } catch (IOException | JacksonException e) {
            log.warn("Batch results could not be read for usage: {}", e.getClass().getSimpleName());
        }
        return messages;
    }
}
