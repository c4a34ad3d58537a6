package io.tokenwarden.gateway;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A compressed stream: relayed as it comes, kept (bounded), inflated and read as events at the end. */
final class BufferedSseTap extends BufferedTap {

    BufferedSseTap(String contentEncoding) {
        super(contentEncoding);
    }

    @Override
    List<JsonNode> parse(byte[] events) {
        SseMessageTap parser = new SseMessageTap();
        parser.accept(events, 0, events.length);
        return parser.messages();
    }
}
