package io.tokenwarden.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import io.tokenwarden.analytics.Rollups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-prices stored events with the same calculator ingestion uses, a page of rows at a time
 * (keyset by id, so memory stays flat however many events a version governs).
 */
@Component
class Repricer {

    private static final int PAGE = 2000;
    private static final String COLUMNS = """
            id, occurred_at, model, input_tokens, output_tokens, cache_creation_input_tokens,
            cache_read_input_tokens, cache_write_5m_tokens, cache_write_1h_tokens, web_search_requests,
            service_tier, inference_geo""";

    private final JdbcClient jdbc;
    private final Rollups rollups;

    Repricer(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** Events of {@code modelId} in [from, until): the version just added governs them now. */
    long repriceRange(CatalogSnapshot catalog, String modelId, Instant from, Instant until) {
        String where = "model_id = :model AND occurred_at >= :from"
                + (until == null ? "" : " AND occurred_at < :until");
        return reprice(catalog, where, new Object[] {modelId, from, until});
    }

    /** Unpriced events whose model name the catalog now knows (a new model or alias). */
    long resolveUnknownModels(CatalogSnapshot catalog) {
        List<String> unresolved = jdbc.sql("SELECT DISTINCT model FROM usage_event WHERE model_id IS NULL")
                .query(String.class).list();
        long repriced = 0;
        for (String name : unresolved) {
            if (catalog.resolve(name).isPresent()) {
                repriced += reprice(catalog, "model_id IS NULL AND model = :model", new Object[] {name, null, null});
            }
        }
        return repriced;
    }

    private long reprice(CatalogSnapshot catalog, String where, Object[] args) {
        long done = 0;
        long afterId = 0;
        while (true) {
            List<StoredEvent> page = jdbc.sql("SELECT " + COLUMNS + " FROM usage_event WHERE " + where
                            + " AND id > :after ORDER BY id LIMIT " + PAGE)
                    .param("model", args[0]).param("from", toTimestamp(args[1])).param("until", toTimestamp(args[2]))
                    .param("after", afterId)
                    .query(Repricer::row).list();
            if (page.isEmpty()) {
                return done;
            }
            update(catalog, page);
            done += page.size();
            afterId = page.get(page.size() - 1).id();
        }
    }

    /** One statement per page: the new prices as arrays, joined to the rows by id. */
    private void update(CatalogSnapshot catalog, List<StoredEvent> page) {
        List<Quote> quotes = page.stream().map(e -> catalog.quote(e.model(), e.occurredAt(), e.usage())).toList();
        Long[] ids = page.stream().map(StoredEvent::id).toArray(Long[]::new);
        rollups.beforeRepricing(ids);
        jdbc.sql("""
                        UPDATE usage_event u SET model_id = v.model_id, price_version_id = v.price_version_id, cost = v.cost
                        FROM unnest(?::int8[], ?::text[], ?::int8[], ?::numeric[]) AS v(id, model_id, price_version_id, cost)
                        WHERE u.id = v.id""")
                .params(ids,
                        quotes.stream().map(Quote::modelId).toArray(String[]::new),
                        quotes.stream().map(Quote::priceVersionId).toArray(Long[]::new),
                        quotes.stream().map(Quote::cost).toArray(java.math.BigDecimal[]::new))
                .update();
        rollups.afterRepricing(ids);
    }

    private static java.sql.Timestamp toTimestamp(Object instant) {
        return instant == null ? null : java.sql.Timestamp.from((Instant) instant);
    }

    private record StoredEvent(long id, Instant occurredAt, String model, TokenUsage usage) {
    }

    private static StoredEvent row(ResultSet rs, int n) throws SQLException {
        TokenUsage usage = new TokenUsage(rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getLong("cache_creation_input_tokens"), rs.getLong("cache_read_input_tokens"),
                rs.getLong("cache_write_5m_tokens"), rs.getLong("cache_write_1h_tokens"),
                rs.getLong("web_search_requests"),
                ServiceTier.fromWire(rs.getString("service_tier")).orElseThrow(),
                InferenceGeo.fromWire(rs.getString("inference_geo")).orElseThrow());
        return new StoredEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("model"), usage);
    }
}
