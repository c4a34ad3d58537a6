package io.tokenwarden.gateway;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A tap that keeps the answer's bytes (bounded) and reads them once at the end, inflated if they were compressed:
 * non-streamed messages, batch results, and compressed streams.
 */
abstract class BufferedTap implements UsageTap {

    private static final Logger log = LoggerFactory.getLogger(BufferedTap.class);

    private final Buffered body;

    BufferedTap(String contentEncoding) {
        this.body = new Buffered(contentEncoding);
    }

    @Override
    public final void accept(byte[] bytes, int offset, int length) {
        body.accept(bytes, offset, length);
    }

    @Override
    public final List<JsonNode> messages() {
        if (body.overflowed()) {
            log.warn("An answer over {} bytes was relayed but not read for usage", MAX_BUFFERED);
            return List.of();
        }
        try {
            return parse(body.decoded());
        } catch (IOException | JacksonException e) {
            log.warn("An answer could not be read for usage: {}", e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** The completed messages in the whole, decoded answer. */
    abstract List<JsonNode> parse(byte[] answer) throws IOException;
}
