package io.tokenwarden.gateway;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A non-streamed Messages answer: one JSON object of type {@code message}. */
final class JsonMessageTap implements UsageTap {

    private static final Logger log = LoggerFactory.getLogger(JsonMessageTap.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Buffered body;

    JsonMessageTap(String contentEncoding) {
        this.body = new Buffered(contentEncoding);
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        body.accept(bytes, offset, length);
    }

    @Override
    public List<JsonNode> messages() {
        if (body.overflowed()) {
            log.warn("An answer over {} bytes was relayed but not read for usage", MAX_BUFFERED);
            return List.of();
        }
        try {
            JsonNode message = JSON.readTree(body.decoded());
            return "message".equals(message.path("type").asString("")) ? List.of(message) : List.of();
        } catch (IOException | JacksonException e) {
            log.warn("An answer could not be read for usage: {}", e.getClass().getSimpleName());
            return List.of();
        }
    }
}
