package io.tokenwarden.web;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A submitted form as the JSON object the API would have received, so that pages and API share
 * one reader with the same field rules. Blank fields are left out; whole-number fields become numbers.
 */
public final class FormJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private FormJson() {}

    public static ObjectNode of(Map<String, String> fields, Set<String> integerFields) {
        ObjectNode node = MAPPER.createObjectNode();
        fields.forEach((name, value) -> {
            if (value == null || value.isBlank() || name.startsWith("_")) {
                return;
            }
            String trimmed = value.trim();
            if (integerFields.contains(name) && trimmed.matches("\\d{1,15}")) {
                node.put(name, Long.parseLong(trimmed));
            } else {
                node.put(name, trimmed);
            }
        });
        return node;
    }
}
