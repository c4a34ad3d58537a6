package io.tokenwarden.ingest;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The items of a request body: one object, {@code {"<field>": [...]}}, or a bare array. */
final class Batch {

    static final int MAX_ITEMS = 1000;

    private Batch() {}

    static List<JsonNode> items(JsonNode body, String field) {
        JsonNode array = body;
        if (body.isObject()) {
            if (!body.has(field)) {
                return List.of(body);
            }
            array = body.get(field);
        }
        if (!array.isArray()) {
            throw ApiException.badRequest(List.of(new FieldError(
                    body.isObject() ? field : "",
                    body.isObject() ? "must be an array" : "the body must be a JSON object or array")));
        }
        if (array.isEmpty() || array.size() > MAX_ITEMS) {
            throw ApiException.badRequest(List.of(new FieldError(field, "must hold 1 to " + MAX_ITEMS + " items")));
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }
}
