package io.tokenwarden.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A streamed answer, read as its events pass: the message's id, model and usage from {@code message_start} (the
 * cache-write split and the service tier are only there), then the cumulative counts of each {@code message_delta}.
 * Only those two events' lines are kept, so a long stream costs no memory; content deltas are skipped unread.
 */
final class SseMessageTap implements UsageTap {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LINE = 4 * 1024 * 1024;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String event;
    private boolean skipping;
    private ObjectNode message;

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                line(line.toString(StandardCharsets.UTF_8));
                line.reset();
                skipping = false;
            } else if (!skipping) {
                if (line.size() >= MAX_LINE || (line.size() == 5 && event != null && !interesting(event))) {
                    skipping = true; // a data line of an event we do not read
                    line.reset();
                } else if (b != '\r') {
                    line.write(b);
                }
            }
        }
    }

    private static boolean interesting(String name) {
        return name.equals("message_start") || name.equals("message_delta");
    }

    private void line(String text) {
        if (text.isEmpty()) {
            event = null;
        } else if (text.startsWith("event:")) {
            event = text.substring(6).trim();
        } else if (text.startsWith("data:") && (event == null || interesting(event))) {
            data(text.substring(5).trim());
        }
    }

    private void data(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            return;
        }
        String type = node.path("type").asString("");
        if (type.equals("message_start") && node.path("message").isObject()) {
            message = ((ObjectNode) node.get("message")).deepCopy();
        } else if (type.equals("message_delta")
                && message != null
                && node.path("usage").isObject()) {
            ObjectNode usage = message.has("usage") && message.get("usage").isObject()
                    ? (ObjectNode) message.get("usage")
                    : message.putObject("usage");
            node.get("usage").properties().forEach(e -> usage.set(e.getKey(), e.getValue()));
        }
    }

    /** The streamed message, once it started (a cut stream gives what it counted so far). */
    @Override
    public List<JsonNode> messages() {
        return message == null ? List.of() : List.of(message);
    }
}
