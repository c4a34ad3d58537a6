package io.tokenwarden.gateway;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A canonical JSON text: object keys sorted at every level, no whitespace. Two requests whose prefixes differ
 * only in key order or spacing hash the same; any other difference changes the hash.
 */
final class Canonical {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Canonical() {}

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    static String of(Map<String, JsonNode> parts) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, JsonNode> part : new TreeMap<>(parts).entrySet()) {
            out.append(first ? "" : ",")
                    .append(JSON.writeValueAsString(part.getKey()))
                    .append(':');
            write(part.getValue(), out);
            first = false;
        }
        return out.append('}').toString();
    }

    static JsonNode array(List<JsonNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(array::add);
        return array;
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (String name : new java.util.TreeSet<>(node.propertyNames())) {
                out.append(first ? "" : ",")
                        .append(JSON.writeValueAsString(name))
                        .append(':');
                write(node.get(name), out);
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }
}
