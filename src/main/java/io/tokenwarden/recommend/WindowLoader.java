package io.tokenwarden.recommend;

import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.pricing.UsageColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the events the detectors judge: one use case, priced models only, in time order. */
@Component
class WindowLoader {

    private final JdbcClient jdbc;

    WindowLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> activeUseCases(Instant from, Instant to) {
        return jdbc.sql(
                        "SELECT DISTINCT use_case FROM usage_event WHERE occurred_at >= ? AND occurred_at < ? ORDER BY 1")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(String.class)
                .list();
    }

    List<WindowEvent> events(String useCase, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT occurred_at, model_id, task_type, latency_class, prefix_hash, prefix_tokens,
                               conversation_id, conversation_turn, business_units, quality_score,
                               tags->>'tw_prefix_tokens' AS tw_prefix_tokens, tags->>'tw_system_hash' AS tw_system_hash,
                               tags->>'tw_system_masked_hash' AS tw_system_masked_hash,
                               tags->>'tw_system_masked_at' AS tw_system_masked_at, cache_miss_reason,
                               cache_missed_input_tokens,""" + UsageColumns.COLUMNS + """
                        FROM usage_event
                        WHERE use_case = ? AND occurred_at >= ? AND occurred_at < ? AND model_id IS NOT NULL
                        ORDER BY occurred_at, id""")
                .params(useCase, Timestamp.from(from), Timestamp.from(to))
                .query(WindowLoader::row)
                .list();
    }

    private static WindowEvent row(ResultSet rs, int n) throws SQLException {
        TokenUsage usage = UsageColumns.read(rs);
        long prefixTokens = rs.getLong("prefix_tokens");
        Long prefix = rs.wasNull() ? null : prefixTokens;
        int turnValue = rs.getInt("conversation_turn");
        Integer turn = rs.wasNull() ? null : turnValue;
        return new WindowEvent(
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("model_id"),
                usage,
                rs.getString("task_type"),
                rs.getString("latency_class"),
                rs.getString("prefix_hash"),
                prefix,
                rs.getString("conversation_id"),
                turn,
                rs.getBigDecimal("business_units"),
                rs.getBigDecimal("quality_score"),
                new WindowEvent.GatewayEvidence(
                        rs.getString("tw_prefix_tokens"),
                        rs.getString("tw_system_hash"),
                        rs.getString("tw_system_masked_hash"),
                        rs.getString("tw_system_masked_at")),
                new WindowEvent.CacheMiss(
                        rs.getString("cache_miss_reason"), rs.getObject("cache_missed_input_tokens", Long.class)));
    }
}
