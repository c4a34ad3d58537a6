package io.tokenwarden.gateway;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A non-streamed Messages answer: one JSON object of type {@code message}. */
final class JsonMessageTap extends BufferedTap {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    JsonMessageTap(String contentEncoding) {
        super(contentEncoding);
    }

    @Override
    List<JsonNode> parse(byte[] answer) {
        JsonNode message = JSON.readTree(answer);
        return "message".equals(message.path("type").asString("")) ? List.of(message) : List.of();
    }
}
