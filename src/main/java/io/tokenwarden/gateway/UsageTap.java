package io.tokenwarden.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import tools.jackson.databind.JsonNode;

/**
 * Sees the bytes of an answer as they are relayed and, at the end, says which completed messages it held (each with
 * its id, model and usage). Nothing of the content is kept beyond what parsing needs.
 */
interface UsageTap {

    /** Answers larger than this are relayed whole but not read for usage (logged and counted). */
    int MAX_BUFFERED = 32 * 1024 * 1024;

    void accept(byte[] bytes, int offset, int length);

    List<JsonNode> messages();

    /** Reads nothing: count_tokens, batch management and error answers. */
    UsageTap NONE = new UsageTap() {
        @Override
        public void accept(byte[] bytes, int offset, int length) {}

        @Override
        public List<JsonNode> messages() {
            return List.of();
        }
    };

    /** Keeps the answer's bytes (bounded) for a parse at the end; compressed answers are inflated then. */
    final class Buffered {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final String encoding;
        private boolean overflow;

        Buffered(String contentEncoding) {
            this.encoding = contentEncoding == null
                    ? "identity"
                    : contentEncoding.trim().toLowerCase(java.util.Locale.ROOT);
        }

        void accept(byte[] data, int offset, int length) {
            if (overflow || bytes.size() + length > MAX_BUFFERED) {
                overflow = true;
                return;
            }
            bytes.write(data, offset, length);
        }

        boolean overflowed() {
            return overflow;
        }

        /** The answer's bytes as the app's SDK reads them: decompressed. */
        byte[] decoded() throws IOException {
            byte[] raw = bytes.toByteArray();
            InputStream in = switch (encoding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
                case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(raw));
                default -> null;
            };
            if (in == null) {
                return raw;
            }
            try (in) {
                return in.readNBytes(MAX_BUFFERED);
            }
        }
    }
}
