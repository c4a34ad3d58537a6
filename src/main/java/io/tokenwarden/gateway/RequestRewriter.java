package io.tokenwarden.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Byte-level edits of a Messages request: each replaces one span of the body, and every byte outside the spans
 * stays as the app sent it (field order, spacing, unknown fields).
 */
final class RequestRewriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] body;
    private final RequestShape shape;
    private final List<Edit> edits = new ArrayList<>();

    private record Edit(int from, int to, String text) {}

    RequestRewriter(byte[] body, RequestShape shape) {
        this.body = body;
        this.shape = shape;
    }

    boolean changed() {
        return !edits.isEmpty();
    }

    /** Serves the call with another model. */
    RequestRewriter model(String model) {
        if (shape.modelStart() >= 0) {
            edits.add(new Edit(shape.modelStart(), shape.modelEnd(), quote(model)));
        }
        return this;
    }

    /** Adds {@code diagnostics: {previous_message_id}} (null opts in on a first turn) as the last top-level field. */
    RequestRewriter diagnostics(String previousMessageId) {
        String field = "\"diagnostics\":{\"previous_message_id\":"
                + (previousMessageId == null ? "null" : quote(previousMessageId)) + "}";
        edits.add(new Edit(shape.end(), shape.end(), (shape.fields() > 0 ? "," : "") + field));
        return this;
    }

    /**
     * Puts a cache breakpoint with {@code ttl} at the end of the stable prefix: the system prompt's last block (a
     * string system prompt becomes one text block holding the same string), else the last tool. False when the
     * request has neither.
     */
    boolean cacheControl(String ttl) {
        String breakpoint = "\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":" + quote(ttl) + "}";
        if (shape.lastSystemEnd() >= 0) {
            edits.add(new Edit(shape.lastSystemEnd(), shape.lastSystemEnd(), "," + breakpoint));
        } else if (shape.systemStart() >= 0) {
            String text = new String(
                    body, shape.systemStart(), shape.systemEnd() - shape.systemStart(), StandardCharsets.UTF_8);
            edits.add(new Edit(
                    shape.systemStart(),
                    shape.systemEnd(),
                    "[{\"type\":\"text\",\"text\":" + text + "," + breakpoint + "}]"));
        } else if (shape.lastToolEnd() >= 0) {
            edits.add(new Edit(shape.lastToolEnd(), shape.lastToolEnd(), "," + breakpoint));
        } else {
            return false;
        }
        return true;
    }

    byte[] bytes() {
        if (edits.isEmpty()) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 128);
        int at = 0;
        for (Edit edit :
                edits.stream().sorted(Comparator.comparingInt(Edit::from)).toList()) {
            out.write(body, at, edit.from() - at);
            out.writeBytes(edit.text().getBytes(StandardCharsets.UTF_8));
            at = edit.to();
        }
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static String quote(String value) {
        return JSON.writeValueAsString(value);
    }
}
