package io.tokenwarden.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The usage columns of {@code usage_event} and the one mapping between them and {@link TokenUsage}, for every
 * reader that prices stored events (re-pricing, recommendations, exports).
 */
public final class UsageColumns {

    /** The columns {@link #read} needs, for a SELECT list. */
    public static final String COLUMNS = """
            input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens, cache_write_5m_tokens,
            cache_write_1h_tokens, web_search_requests, service_tier, inference_geo, speed, iterations::text AS iterations
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UsageColumns() {}

    public static TokenUsage read(ResultSet rs) throws SQLException {
        return new TokenUsage(
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                rs.getLong("cache_creation_input_tokens"),
                rs.getLong("cache_read_input_tokens"),
                rs.getLong("cache_write_5m_tokens"),
                rs.getLong("cache_write_1h_tokens"),
                rs.getLong("web_search_requests"),
                new ServiceTier(rs.getString("service_tier")),
                InferenceGeo.fromWire(rs.getString("inference_geo")).orElseThrow(),
                rs.getString("speed"),
                iterations(rs.getString("iterations")));
    }

    /** The iterations as stored in the jsonb column; null when there are none. */
    public static String iterationsJson(List<Iteration> iterations) {
        if (iterations.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (Iteration it : iterations) {
            ObjectNode node = array.addObject();
            node.put("type", it.type());
            if (it.model() != null) {
                node.put("model", it.model());
            }
            node.put("input_tokens", it.input());
            node.put("output_tokens", it.output());
            node.put("cache_read_input_tokens", it.cacheRead());
            node.put("cache_write_5m_tokens", it.cacheWrite5m());
            node.put("cache_write_1h_tokens", it.cacheWrite1h());
        }
        return JSON.writeValueAsString(array);
    }

    private static List<Iteration> iterations(String json) {
        if (json == null) {
            return List.of();
        }
        List<Iteration> list = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            list.add(new Iteration(
                    node.path("type").asString(null),
                    node.path("model").asString(null),
                    node.path("input_tokens").asLong(),
                    node.path("output_tokens").asLong(),
                    node.path("cache_read_input_tokens").asLong(),
                    node.path("cache_write_5m_tokens").asLong(),
                    node.path("cache_write_1h_tokens").asLong()));
        }
        return list;
    }
}
