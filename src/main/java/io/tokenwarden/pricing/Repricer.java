package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-prices stored events with the same pricer ingestion uses, a page of rows at a time
 * (keyset by id, so memory stays flat however many events a version governs).
 */
@Component
class Repricer {

    private static final Logger log = LoggerFactory.getLogger(Repricer.class);
    private static final int PAGE = 2000;
    private static final String COLUMNS = "id, occurred_at, model, cost, " + UsageColumns.COLUMNS;

    private final JdbcClient jdbc;
    private final java.util.List<RepricingListener> listeners;

    Repricer(JdbcClient jdbc, java.util.List<RepricingListener> listeners) {
        this.jdbc = jdbc;
        this.listeners = listeners;
    }

    /** Events of {@code modelId} in [from, until): the version just added governs them now. */
    Repriced repriceRange(CatalogSnapshot catalog, String modelId, Instant from, Instant until) {
        String where =
                "model_id = :model AND occurred_at >= :from" + (until == null ? "" : " AND occurred_at < :until");
        return reprice(catalog, where, modelId, from, until);
    }

    /**
     * Events of the model from {@code from} on, and every event with iterations from then on (an iteration may
     * name the model under another request's model, by any of its names; such events are few).
     */
    Repriced repriceModelFrom(CatalogSnapshot catalog, String modelId, Instant from) {
        return reprice(
                catalog, "(model_id = :model OR iterations IS NOT NULL) AND occurred_at >= :from", modelId, from, null);
    }

    /** Every event of one service tier: the catalog's rule for that tier changed. */
    Repriced repriceTier(CatalogSnapshot catalog, String tier) {
        return reprice(catalog, "service_tier = :model", tier, null, null);
    }

    /** Unpriced events whose model name the catalog now knows (a new model or alias). */
    Repriced resolveUnknownModels(CatalogSnapshot catalog) {
        List<String> unresolved = jdbc.sql("SELECT DISTINCT model FROM usage_event WHERE model_id IS NULL")
                .query(String.class)
                .list();
        Repriced done = Repriced.NONE;
        for (String name : unresolved) {
            if (catalog.resolve(name).isPresent()) {
                done = done.plus(reprice(catalog, "model_id IS NULL AND model = :model", name, null, null));
            }
        }
        return done;
    }

    private Repriced reprice(CatalogSnapshot catalog, String where, String model, Instant from, Instant until) {
        Repriced done = Repriced.NONE;
        long afterId = 0;
        while (true) {
            List<StoredEvent> page = jdbc.sql("SELECT " + COLUMNS + " FROM usage_event WHERE " + where
                            + " AND id > :after ORDER BY id LIMIT " + PAGE)
                    .param("model", model)
                    .param("from", timestamp(from))
                    .param("until", timestamp(until))
                    .param("after", afterId)
                    .query(Repricer::row)
                    .list();
            if (page.isEmpty()) {
                return done;
            }
            done = done.plus(update(catalog, page));
            afterId = page.get(page.size() - 1).id();
            if (done.events() % 100_000 < PAGE) {
                log.info("Re-pricing: {} events so far", done.events());
            }
        }
    }

    /** One statement per page: the new prices as arrays, joined to the rows by id. */
    private Repriced update(CatalogSnapshot catalog, List<StoredEvent> page) {
        List<Quote> quotes = page.stream()
                .map(e -> catalog.quote(e.model(), e.occurredAt(), e.usage()))
                .toList();
        Long[] ids = page.stream().map(StoredEvent::id).toArray(Long[]::new);
        listeners.forEach(listener -> listener.beforeRepricing(ids));
        jdbc.sql("""
                        UPDATE usage_event u SET model_id = v.model_id, price_version_id = v.price_version_id,
                            cost = v.cost, unpriced_reason = v.reason
                        FROM unnest(?::int8[], ?::text[], ?::int8[], ?::numeric[], ?::text[])
                            AS v(id, model_id, price_version_id, cost, reason)
                        WHERE u.id = v.id""")
                .params(
                        ids,
                        quotes.stream().map(Quote::modelId).toArray(String[]::new),
                        quotes.stream().map(Quote::priceVersionId).toArray(Long[]::new),
                        quotes.stream().map(Quote::cost).toArray(BigDecimal[]::new),
                        quotes.stream().map(Quote::unpricedReason).toArray(String[]::new))
                .update();
        listeners.forEach(listener -> listener.afterRepricing(ids));
        Repriced result = Repriced.NONE;
        for (int i = 0; i < page.size(); i++) {
            BigDecimal before = page.get(i).cost();
            BigDecimal after = quotes.get(i).cost();
            if (before == null ? after == null : after != null && before.compareTo(after) == 0) {
                continue; // computed again, same price: not counted as re-priced
            }
            result = result.plus(new Repriced(
                    1,
                    Optional.ofNullable(before).orElse(BigDecimal.ZERO),
                    Optional.ofNullable(after).orElse(BigDecimal.ZERO),
                    before == null && after != null ? 1 : 0,
                    before != null && after == null ? 1 : 0));
        }
        return result;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private record StoredEvent(long id, Instant occurredAt, String model, BigDecimal cost, TokenUsage usage) {}

    private static StoredEvent row(ResultSet rs, int n) throws SQLException {
        return new StoredEvent(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("model"),
                rs.getBigDecimal("cost"),
                UsageColumns.read(rs));
    }
}
