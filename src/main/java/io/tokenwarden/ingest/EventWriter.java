package io.tokenwarden.ingest;

import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.pricing.UsageColumns;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a whole batch (or a commit group of several apps' requests) in one statement: column
 * arrays unnested into an {@code INSERT ... ON CONFLICT DO NOTHING RETURNING}, so one round trip
 * stores up to a few thousand events and tells which were new. Rows go in (app, event id) order so
 * that two batches sharing ids lock them in the same order and cannot deadlock.
 */
@Component
class EventWriter {

    private static final String INSERT = """
            INSERT INTO usage_event (app_id, event_id, occurred_at, use_case, model, model_id, input_tokens,
                output_tokens, cache_creation_input_tokens, cache_read_input_tokens, cache_write_5m_tokens,
                cache_write_1h_tokens, web_search_requests, service_tier, inference_geo, task_type, latency_class,
                prefix_hash, prefix_tokens, conversation_id, conversation_turn, business_units, quality_score,
                tags, cost, price_version_id, speed, iterations, unpriced_reason, cache_miss_reason,
                cache_missed_input_tokens)
            SELECT e.* FROM unnest(?::int8[], ?::text[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[],
                ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::int4[], ?::numeric[], ?::numeric[],
                ?::text[]::jsonb[], ?::numeric[], ?::int8[], ?::text[], ?::text[]::jsonb[], ?::text[], ?::text[],
                ?::int8[]) AS e
            ON CONFLICT (app_id, event_id) DO NOTHING
            RETURNING app_id, event_id
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final StoredCosts storedCosts;

    EventWriter(JdbcTemplate jdbc, JsonMapper json, StoredCosts storedCosts) {
        this.jdbc = jdbc;
        this.json = json;
        this.storedCosts = storedCosts;
    }

    /** One event of one app. */
    record Row(long appId, PricedEvent event) {}

    /**
     * Stores the rows (unique per app and id) in one statement, in (app, id) order, and reports per app
     * and id whether the row was new and its stored cost.
     */
    Map<Long, Map<String, StoredItem>> write(List<Row> rows) {
        List<Row> sorted = rows.stream()
                .sorted(Comparator.comparingLong(Row::appId)
                        .thenComparing(r -> r.event().event().eventId()))
                .toList();
        Set<String> inserted = jdbc.execute((ConnectionCallback<Set<String>>) con -> insert(con, sorted));
        Map<Long, Map<String, StoredItem>> result = new HashMap<>();
        sorted.stream().collect(Collectors.groupingBy(Row::appId)).forEach((appId, appRows) -> {
            Set<String> newIds = appRows.stream()
                    .map(r -> r.event().event().eventId())
                    .filter(id -> inserted.contains(key(appId, id)))
                    .collect(Collectors.toSet());
            result.put(
                    appId,
                    storedCosts.merge(appId, appRows.stream().map(Row::event).toList(), newIds));
        });
        return result;
    }

    /** Returns the (app, id) keys of the rows that were new. */
    private Set<String> insert(Connection con, List<Row> rows) throws SQLException {
        try (PreparedStatement statement = con.prepareStatement(INSERT)) {
            int index = 1;
            for (Array column : columns(con, rows)) {
                statement.setArray(index++, column);
            }
            Set<String> inserted = new HashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    inserted.add(key(result.getLong(1), result.getString(2)));
                }
            }
            return inserted;
        }
    }

    /** Keys by app and id, not by whole rows: hashing the events themselves cost more than the insert. */
    private static String key(long appId, String eventId) {
        return appId + "/" + eventId;
    }

    private List<Array> columns(Connection con, List<Row> rows) throws SQLException {
        Columns c = new Columns(con, rows.stream().map(Row::event).toList());
        return List.of(
                con.createArrayOf("int8", rows.stream().map(Row::appId).toArray(Long[]::new)),
                c.text(e -> e.event().eventId()),
                c.text(e -> e.event().occurredAt().toString()),
                c.text(e -> e.event().useCase()),
                c.text(e -> e.event().model()),
                c.text(e -> e.quote().modelId()),
                c.int8(e -> usage(e).input()),
                c.int8(e -> usage(e).output()),
                c.int8(e -> usage(e).cacheCreation()),
                c.int8(e -> usage(e).cacheRead()),
                c.int8(e -> usage(e).cacheWrite5m()),
                c.int8(e -> usage(e).cacheWrite1h()),
                c.int8(e -> usage(e).webSearchRequests()),
                c.text(e -> usage(e).serviceTier().wireName()),
                c.text(e -> usage(e).inferenceGeo().wireName()),
                c.text(e -> e.event().taskType()),
                c.text(e -> e.event().latencyClass()),
                c.text(e -> e.event().prefixHash()),
                c.int8(e -> e.event().prefixTokens()),
                c.text(e -> e.event().conversationId()),
                c.int4(e -> e.event().conversationTurn()),
                c.numeric(e -> e.event().businessUnits()),
                c.numeric(e -> e.event().qualityScore()),
                c.text(e -> e.event().tags() == null
                        ? null
                        : json.writeValueAsString(e.event().tags())),
                c.numeric(e -> e.quote().cost()),
                c.int8(e -> e.quote().priceVersionId()),
                c.text(e -> usage(e).speed()),
                c.text(e -> UsageColumns.iterationsJson(usage(e).iterations())),
                c.text(e -> e.quote().unpricedReason()),
                c.text(e -> e.event().cacheMiss().type()),
                c.int8(e -> e.event().cacheMiss().missedInputTokens()));
    }

    private static TokenUsage usage(PricedEvent event) {
        return event.event().usage();
    }

    /** Builds one SQL array per column from the rows. */
    private record Columns(Connection con, List<PricedEvent> rows) {

        Array text(Function<PricedEvent, String> value) throws SQLException {
            return con.createArrayOf("text", rows.stream().map(value).toArray(String[]::new));
        }

        Array int8(Function<PricedEvent, Long> value) throws SQLException {
            return con.createArrayOf("int8", rows.stream().map(value).toArray(Long[]::new));
        }

        Array int4(Function<PricedEvent, Integer> value) throws SQLException {
            return con.createArrayOf("int4", rows.stream().map(value).toArray(Integer[]::new));
        }

        Array numeric(Function<PricedEvent, java.math.BigDecimal> value) throws SQLException {
            return con.createArrayOf("numeric", rows.stream().map(value).toArray(java.math.BigDecimal[]::new));
        }
    }
}
