package io.tokenwarden.analytics;

import io.tokenwarden.usecase.Scope;
import io.tokenwarden.web.ApiException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Spend by group over whole reporting days, from the daily rollups (tags from their own rollup). */
@Component
class SpendQuery {

    private static final String FROM_ROLLUP = """
            SELECT %s AS key, sum(r.requests) AS requests, sum(r.input_tokens) AS input_tokens,
                   sum(r.output_tokens) AS output_tokens,
                   sum(r.cache_creation_input_tokens) AS cache_creation_input_tokens,
                   sum(r.cache_read_input_tokens) AS cache_read_input_tokens,
                   sum(r.cost) AS cost, sum(r.unpriced_events) AS unpriced
            FROM %s
            WHERE r.%s BETWEEN :start AND :end %s
            GROUP BY 1
            ORDER BY sum(r.cost) DESC, 1
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    SpendQuery(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    SpendReport run(LocalDate from, LocalDate to, SpendGrouping grouping, Scope scope) {
        if (!scope.all() && grouping.tagKey() != null) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "Spend by tag spans every team's use cases: it is for ADMIN "
                            + "and FINANCE while engineers see their own teams' use cases only.");
        }
        String sql = sql(from, to, grouping, scope);
        List<SpendRow> rows = jdbc.sql(sql)
                .param("start", from)
                .param("end", to)
                .param("tag", grouping.tagKey())
                .param("visible", scope.sqlArray())
                .query((rs, n) -> new SpendRow(
                        rs.getString("key"),
                        rs.getLong("requests"),
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        rs.getLong("cache_creation_input_tokens"),
                        rs.getLong("cache_read_input_tokens"),
                        rs.getBigDecimal("cost"),
                        rs.getLong("unpriced")))
                .list();
        // Groups of the event rollup cover every event once, so their (never rounded) sums are the totals; tag groups
        // do not.
        Totals totals = grouping.tagKey() == null ? sum(rows) : totals(from, to);
        return new SpendReport(
                from,
                to,
                grouping.name(),
                rows,
                totals.cost(),
                totals.unpriced(),
                totals.unpriced() == 0 ? List.of() : reasons(from, to, scope));
    }

    /** Read from the events themselves (a partial index holds the unpriced ones): rollups keep no reasons. */
    private List<SpendReport.UnpricedReason> reasons(LocalDate from, LocalDate to, Scope scope) {
        return jdbc.sql("""
                        SELECT coalesce(unpriced_reason, 'no reason recorded') AS reason, count(*) AS events
                        FROM usage_event WHERE cost IS NULL AND occurred_at >= :start AND occurred_at < :end
                          AND (:visible::text[] IS NULL OR use_case = ANY(:visible::text[]))
                        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20""")
                .param("visible", scope.sqlArray())
                .param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new SpendReport.UnpricedReason(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** The smallest rollup that has the grouping's key for the period. */
    private static String sql(LocalDate from, LocalDate to, SpendGrouping grouping, Scope scope) {
        if (grouping.tagKey() != null) {
            return FROM_ROLLUP.formatted("r.tag_value", "daily_tag_rollup r", "day", "AND r.tag_key = :tag");
        }
        String visible = scope.all() ? "" : "AND r.use_case = ANY(:visible::text[])"; // every other rollup has use_case
        if (wholeMonths(from, to) && !grouping.name().equals("day")) {
            return FROM_ROLLUP.formatted(
                    grouping.expression(), "monthly_rollup r JOIN app a ON a.id = r.app_id", "month", visible);
        }
        if (grouping.name().equals("use_case") || grouping.name().equals("day")) {
            return FROM_ROLLUP.formatted(grouping.expression(), "daily_use_case_rollup r", "day", visible);
        }
        return FROM_ROLLUP.formatted(
                grouping.expression(), "daily_rollup r JOIN app a ON a.id = r.app_id", "day", visible);
    }

    /** From the first day of a month to the last day of a month: the monthly rollup has the same sums in fewer rows. */
    private static boolean wholeMonths(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth())) && !to.isBefore(from);
    }

    private static Totals sum(List<SpendRow> rows) {
        return new Totals(
                rows.stream().map(SpendRow::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().mapToLong(SpendRow::unpricedEvents).sum());
    }

    /** Totals over all events of the period, also for tag grouping, where untagged events have no row. */
    private Totals totals(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT coalesce(sum(cost), 0), coalesce(sum(unpriced_events), 0) FROM daily_use_case_rollup "
                        + "WHERE day BETWEEN :start AND :end")
                .param("start", from)
                .param("end", to)
                .query((rs, n) -> new Totals(rs.getBigDecimal(1), rs.getLong(2)))
                .single();
    }

    private record Totals(BigDecimal cost, long unpriced) {}
}
