package io.tokenwarden.gateway;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where things are in a Messages request's bytes, found in one pass of the streaming parser, so that a policy can
 * change one thing (the model, a diagnostics field, a cache breakpoint) and leave every other byte as the app sent
 * it. Offsets are byte indexes into the body; -1 where absent.
 *
 * @param end            the top-level object's closing brace
 * @param fields         the top-level fields
 * @param model          the model value's span (with its quotes), and {@code modelName} its text
 * @param system         the system value's span when it is a string
 * @param lastSystemEnd  the closing brace of the system array's last block
 * @param lastToolEnd    the closing brace of the tools array's last tool
 */
record RequestShape(
        int end,
        int fields,
        int modelStart,
        int modelEnd,
        String modelName,
        int systemStart,
        int systemEnd,
        int lastSystemEnd,
        int lastToolEnd,
        boolean cacheControl,
        boolean diagnostics) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The shape of a JSON object body; null when the body is not one. */
    static RequestShape of(byte[] body) {
        Scan scan = new Scan();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                scan.accept(parser, token);
            }
        } catch (JacksonException e) {
            return null;
        }
        return scan.end < 0
                ? null
                : new RequestShape(
                        scan.end,
                        scan.fields,
                        scan.modelStart,
                        scan.modelEnd,
                        scan.model,
                        scan.systemStart,
                        scan.systemEnd,
                        scan.lastSystemEnd,
                        scan.lastToolEnd,
                        scan.cacheControl,
                        scan.diagnostics);
    }

    /** The walk's state: depth 1 is the top-level object. */
    private static final class Scan {
        int depth = 1;
        String field;
        int end = -1;
        int fields;
        int modelStart = -1;
        int modelEnd = -1;
        String model;
        int systemStart = -1;
        int systemEnd = -1;
        int lastSystemEnd = -1;
        int lastToolEnd = -1;
        boolean cacheControl;
        boolean diagnostics;

        void accept(JsonParser parser, JsonToken token) {
            int at = (int) parser.currentTokenLocation().getByteOffset();
            switch (token) {
                case PROPERTY_NAME -> name(parser.currentName());
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> closed(token, at);
                case VALUE_STRING -> string(parser, at);
                default -> {}
            }
        }

        private void name(String name) {
            cacheControl |= "cache_control".equals(name);
            if (depth == 1) {
                field = name;
                fields++;
                diagnostics |= "diagnostics".equals(name);
            }
        }

        private void closed(JsonToken token, int at) {
            depth--;
            if (depth == 0) {
                end = at;
            } else if (depth == 2 && token == JsonToken.END_OBJECT && "system".equals(field)) {
                lastSystemEnd = at;
            } else if (depth == 2 && token == JsonToken.END_OBJECT && "tools".equals(field)) {
                lastToolEnd = at;
            }
        }

        private void string(JsonParser parser, int at) {
            if (depth != 1) {
                return;
            }
            String text = parser.getString(); // reads to the closing quote, so that the location below is past it
            int after = (int) parser.currentLocation().getByteOffset();
            if ("model".equals(field)) {
                modelStart = at;
                modelEnd = after;
                model = text;
            } else if ("system".equals(field)) {
                systemStart = at;
                systemEnd = after;
            }
        }
    }
}
