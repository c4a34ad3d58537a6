package io.tokenwarden.gateway;

import java.io.IOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A compressed stream: relayed as it comes, kept (bounded), inflated and read as events at the end. */
final class BufferedSseTap implements UsageTap {

    private final Buffered body;

    BufferedSseTap(String contentEncoding) {
        this.body = new Buffered(contentEncoding);
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        body.accept(bytes, offset, length);
    }

    @Override
    public List<JsonNode> messages() {
        if (body.overflowed()) {
            return List.of();
        }
        try {
            byte[] events = body.decoded();
            SseMessageTap parser = new SseMessageTap();
            parser.accept(events, 0, events.length);
            return parser.messages();
        } catch (IOException e) {
            return List.of();
        }
    }
}
