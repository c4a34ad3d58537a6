package io.tokenwarden.analytics;

import io.tokenwarden.pricing.RepricingListener;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one aggregation from events to daily rollups, applied with a sign: +1 by the rollup job to
 * events past the watermark, and -1 then +1 around a re-pricing to events already rolled up, so
 * that a rollup always equals a SUM over its raw events.
 */
@Component
class Rollups implements RepricingListener {

    private static final List<String> SUMS = List.of(
            "requests",
            "input_tokens",
            "output_tokens",
            "cache_creation_input_tokens",
            "cache_read_input_tokens",
            "cache_write_5m_tokens",
            "cache_write_1h_tokens",
            "web_search_requests",
            "cost",
            "business_units",
            "unpriced_events");

    /** The day groups of the events in one pass; every rollup below is these groups, summed by its own key. */
    private static final String GROUPS = """
            SELECT (e.occurred_at AT TIME ZONE :zone)::date AS day, e.app_id, e.use_case,
                   coalesce(e.model_id, e.model) AS model_key, e.service_tier, :sign * count(*) AS requests,
                   :sign * sum(e.input_tokens) AS input_tokens, :sign * sum(e.output_tokens) AS output_tokens,
                   :sign * sum(e.cache_creation_input_tokens) AS cache_creation_input_tokens,
                   :sign * sum(e.cache_read_input_tokens) AS cache_read_input_tokens,
                   :sign * sum(e.cache_write_5m_tokens) AS cache_write_5m_tokens,
                   :sign * sum(e.cache_write_1h_tokens) AS cache_write_1h_tokens,
                   :sign * sum(e.web_search_requests) AS web_search_requests,
                   :sign * coalesce(sum(e.cost), 0) AS cost,
                   :sign * coalesce(sum(e.business_units), 0) AS business_units,
                   :sign * count(*) FILTER (WHERE e.cost IS NULL) AS unpriced_events
            FROM usage_event e WHERE %s
            GROUP BY 1, 2, 3, 4, 5""";

    private static final String TAG_GROUPS = """
            INSERT INTO daily_tag_rollup AS r (day, tag_key, tag_value, requests, input_tokens, output_tokens,
                cache_creation_input_tokens, cache_read_input_tokens, cost, unpriced_events)
            SELECT (e.occurred_at AT TIME ZONE :zone)::date, t.key, t.value, :sign * count(*),
                   :sign * sum(e.input_tokens), :sign * sum(e.output_tokens),
                   :sign * sum(e.cache_creation_input_tokens), :sign * sum(e.cache_read_input_tokens),
                   :sign * coalesce(sum(e.cost), 0), :sign * count(*) FILTER (WHERE e.cost IS NULL)
            FROM usage_event e CROSS JOIN LATERAL jsonb_each_text(e.tags) AS t
            WHERE e.tags IS NOT NULL AND %s
            GROUP BY 1, 2, 3
            ON CONFLICT (tag_key, day, tag_value) DO UPDATE SET
                requests = r.requests + excluded.requests,
                input_tokens = r.input_tokens + excluded.input_tokens,
                output_tokens = r.output_tokens + excluded.output_tokens,
                cache_creation_input_tokens = r.cache_creation_input_tokens + excluded.cache_creation_input_tokens,
                cache_read_input_tokens = r.cache_read_input_tokens + excluded.cache_read_input_tokens,
                cost = r.cost + excluded.cost,
                unpriced_events = r.unpriced_events + excluded.unpriced_events
            """;

    /** Cost per use case and UTC hour, what spike detection compares the last hour with. */
    private static final String HOUR_GROUPS = """
            INSERT INTO hourly_use_case_rollup AS r (hour, use_case, requests, cost)
            SELECT date_trunc('hour', e.occurred_at), e.use_case, :sign * count(*), :sign * coalesce(sum(e.cost), 0)
            FROM usage_event e WHERE %s
            GROUP BY 1, 2
            ON CONFLICT (use_case, hour) DO UPDATE SET requests = r.requests + excluded.requests,
                cost = r.cost + excluded.cost
            """;

    private static final String OUTCOME_GROUPS = """
            INSERT INTO daily_outcome_rollup AS r (day, use_case, units, outcomes)
            SELECT (o.occurred_at AT TIME ZONE :zone)::date, o.use_case, sum(o.units), count(*)
            FROM outcome o WHERE o.ingest_xid >= :from::xid8 AND o.ingest_xid < :to::xid8
            GROUP BY 1, 2
            ON CONFLICT (day, use_case) DO UPDATE SET units = r.units + excluded.units,
                outcomes = r.outcomes + excluded.outcomes
            """;

    /**
     * One statement for the three event rollups: by day and full key, by month and full key (whole-month
     * reports), by day and use case (daily charts, budgets, anomalies, feature pages). PostgreSQL runs
     * each data-modifying WITH part once, whether or not the final SELECT reads it.
     */
    private static String eventGroups(String where) {
        return "WITH g AS (" + GROUPS.formatted(where) + "),\n"
                + upsert(
                        "daily",
                        "daily_rollup",
                        List.of("day", "app_id", "use_case", "model_key", "service_tier"),
                        List.of("day", "app_id", "use_case", "model_key", "service_tier"),
                        false)
                + ",\n"
                + upsert(
                        "monthly",
                        "monthly_rollup",
                        List.of("month", "app_id", "use_case", "model_key", "service_tier"),
                        List.of(
                                "date_trunc('month', day::timestamp)::date",
                                "app_id",
                                "use_case",
                                "model_key",
                                "service_tier"),
                        true)
                + ",\n"
                + upsert(
                        "use_case_days",
                        "daily_use_case_rollup",
                        List.of("day", "use_case"),
                        List.of("day", "use_case"),
                        true)
                + "\nSELECT count(*) FROM daily";
    }

    private static String upsert(
            String name, String table, List<String> keys, List<String> keyValues, boolean regroup) {
        String columns = String.join(", ", SUMS);
        String values = regroup ? SUMS.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", ")) : columns;
        String groupBy = regroup
                ? " GROUP BY "
                        + IntStream.rangeClosed(1, keys.size())
                                .mapToObj(String::valueOf)
                                .collect(Collectors.joining(", "))
                : "";
        return name + " AS (INSERT INTO " + table + " AS r (" + String.join(", ", keys) + ", " + columns + ")"
                + " SELECT " + String.join(", ", keyValues) + ", " + values + " FROM g" + groupBy
                + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                + SUMS.stream().map(c -> c + " = r." + c + " + excluded." + c).collect(Collectors.joining(", "))
                + " RETURNING 1)";
    }

    private static final String WINDOW = "e.ingest_xid >= :from::xid8 AND e.ingest_xid < :to::xid8";
    private static final String ALREADY_ROLLED_UP = "e.id = ANY(:ids) AND e.ingest_xid < :below::xid8";
    private static final String NEW_EVENT_GROUPS = eventGroups(WINDOW);
    private static final String ROLLED_UP_EVENT_GROUPS = eventGroups(ALREADY_ROLLED_UP);

    private final JdbcClient jdbc;
    private final ZoneId zone;

    private final ReportCache cache;

    Rollups(JdbcClient jdbc, ZoneId zone, ReportCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** Adds the events that transactions with ids in [from, to) stored. */
    long addEvents(String from, String to) {
        long groups = jdbc.sql(NEW_EVENT_GROUPS)
                .param("zone", zone.getId())
                .param("sign", 1)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        jdbc.sql(TAG_GROUPS.formatted(WINDOW))
                .param("zone", zone.getId())
                .param("sign", 1)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql(HOUR_GROUPS.formatted(WINDOW))
                .param("sign", 1)
                .param("from", from)
                .param("to", to)
                .update();
        return groups;
    }

    long addOutcomes(String from, String to) {
        return jdbc.sql(OUTCOME_GROUPS)
                .param("zone", zone.getId())
                .param("from", from)
                .param("to", to)
                .update();
    }

    /**
     * Before stored events change cost or model: takes them out of the rollups if the job already
     * added them. Holds the event watermark until the caller's transaction ends, so the job cannot
     * roll up the same events in between.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void beforeRepricing(Long[] eventIds) {
        applyToRolledUp(eventIds, -1);
    }

    /** After the change: puts the same events back with their new cost and model. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void afterRepricing(Long[] eventIds) {
        applyToRolledUp(eventIds, 1);
        jdbc.sql("DELETE FROM daily_rollup WHERE requests = 0").update();
        jdbc.sql("DELETE FROM monthly_rollup WHERE requests = 0").update();
        jdbc.sql("DELETE FROM daily_use_case_rollup WHERE requests = 0").update();
        jdbc.sql("DELETE FROM daily_tag_rollup WHERE requests = 0").update();
        jdbc.sql("DELETE FROM hourly_use_case_rollup WHERE requests = 0").update();
        cache.invalidateAfterCommit();
    }

    private void applyToRolledUp(Long[] eventIds, int sign) {
        String below = jdbc.sql(
                        "SELECT processed_below::text FROM rollup_watermark WHERE stream = 'usage_event' FOR UPDATE")
                .query(String.class)
                .single();
        jdbc.sql(ROLLED_UP_EVENT_GROUPS)
                .param("zone", zone.getId())
                .param("sign", sign)
                .param("ids", eventIds)
                .param("below", below)
                .query(Long.class)
                .single();
        jdbc.sql(TAG_GROUPS.formatted(ALREADY_ROLLED_UP))
                .param("zone", zone.getId())
                .param("sign", sign)
                .param("ids", eventIds)
                .param("below", below)
                .update();
        jdbc.sql(HOUR_GROUPS.formatted(ALREADY_ROLLED_UP))
                .param("sign", sign)
                .param("ids", eventIds)
                .param("below", below)
                .update();
    }
}
