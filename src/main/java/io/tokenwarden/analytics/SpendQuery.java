package io.tokenwarden.analytics;

import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spend by group over whole reporting days, straight from the event table for now (the rollups
 * of the analytics work will serve it later with the same answer).
 */
@Component
class SpendQuery {

    private final JdbcClient jdbc;

    SpendQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    SpendReport run(LocalDate from, LocalDate to, SpendGrouping grouping, ZoneId zone) {
        String sql = """
                SELECT %s AS key, count(*) AS requests, sum(e.input_tokens) AS input_tokens,
                       sum(e.output_tokens) AS output_tokens,
                       sum(e.cache_creation_input_tokens) AS cache_creation_input_tokens,
                       sum(e.cache_read_input_tokens) AS cache_read_input_tokens,
                       sum(e.cost) AS cost, count(*) FILTER (WHERE e.cost IS NULL) AS unpriced
                FROM usage_event e JOIN app a ON a.id = e.app_id
                WHERE e.occurred_at >= :start AND e.occurred_at < :end
                GROUP BY 1
                ORDER BY sum(e.cost) DESC NULLS LAST, 1
                """.formatted(grouping.expression());
        BigDecimal[] total = {BigDecimal.ZERO};
        long[] unpriced = {0};
        List<SpendRow> rows = jdbc.sql(sql)
                .param("start", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("zone", zone.getId())
                .param("tag", grouping.tagKey())
                .query((rs, n) -> {
                    BigDecimal cost = rs.getBigDecimal("cost");
                    total[0] = cost == null ? total[0] : total[0].add(cost);
                    unpriced[0] += rs.getLong("unpriced");
                    return new SpendRow(rs.getString("key"), rs.getLong("requests"), rs.getLong("input_tokens"),
                            rs.getLong("output_tokens"), rs.getLong("cache_creation_input_tokens"),
                            rs.getLong("cache_read_input_tokens"), Money.format(cost == null ? BigDecimal.ZERO : cost),
                            rs.getLong("unpriced"));
                })
                .list();
        return new SpendReport(from, to, grouping.name(), rows, Money.format(total[0]), unpriced[0]);
    }
}
