package io.tokenwarden.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Feature-page figures from the rollups; only the medians read raw events (one use case, one period). */
@Component
class FeatureQuery {

    private final JdbcClient jdbc;

    FeatureQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    FeatureStats run(String useCase, LocalDate from, LocalDate to, ZoneId zone) {
        List<FeatureStats.Day> days = jdbc.sql("""
                        SELECT to_char(day, 'YYYY-MM-DD'), requests, cost FROM daily_use_case_rollup
                        WHERE use_case = :uc AND day BETWEEN :from AND :to ORDER BY day""")
                .param("uc", useCase)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new FeatureStats.Day(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
        List<FeatureStats.ModelShare> models = jdbc.sql("""
                        SELECT model_key, sum(requests), sum(cost) FROM daily_rollup
                        WHERE use_case = :uc AND day BETWEEN :from AND :to GROUP BY model_key ORDER BY sum(cost) DESC, 1""")
                .param("uc", useCase)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new FeatureStats.ModelShare(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
        FeatureStats.Tokens tokens = jdbc.sql("""
                        SELECT coalesce(sum(input_tokens), 0), coalesce(sum(cache_creation_input_tokens), 0),
                               coalesce(sum(cache_read_input_tokens), 0), coalesce(sum(output_tokens), 0)
                        FROM daily_use_case_rollup WHERE use_case = :uc AND day BETWEEN :from AND :to""")
                .param("uc", useCase)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new FeatureStats.Tokens(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        long totalInput = tokens.input() + tokens.cacheWrites() + tokens.cacheReads();
        BigDecimal hitRate = Ratios.share(BigDecimal.valueOf(tokens.cacheReads()), BigDecimal.valueOf(totalInput));
        BigDecimal[] medians = medians(useCase, from, to, zone);
        return new FeatureStats(
                useCase,
                days,
                models,
                tokens,
                hitRate,
                medians[0],
                medians[1],
                medians[2].longValue(),
                medians[3].longValue());
    }

    /**
     * Medians (and how many came through the gateway) of the most recent requests only: a month of a busy use case is tens of thousands of
     * scattered rows, which cost seconds to read cold, while this many, read backwards along the
     * (use_case, occurred_at) index, give the same typical request in milliseconds.
     */
    private BigDecimal[] medians(String useCase, LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.sql("""
                        SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY input), percentile_disc(0.5) WITHIN GROUP (ORDER BY output),
                               count(*), count(*) FILTER (WHERE gateway)
                        FROM (SELECT input_tokens + cache_creation_input_tokens + cache_read_input_tokens AS input,
                                     output_tokens AS output, coalesce(tags->>'tw_source' = 'gateway', false) AS gateway
                              FROM usage_event WHERE use_case = ? AND occurred_at >= ? AND occurred_at < ?
                              ORDER BY occurred_at DESC LIMIT ?) recent""")
                .params(
                        useCase,
                        Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()),
                        FeatureStats.MEDIAN_SAMPLE)
                .query((rs, n) -> new BigDecimal[] {
                    rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1),
                    rs.getBigDecimal(2) == null ? BigDecimal.ZERO : rs.getBigDecimal(2),
                    BigDecimal.valueOf(rs.getLong(3)),
                    BigDecimal.valueOf(rs.getLong(4))
                })
                .single();
    }

    /** Cost per use case and model over a period, most expensive first. */
    @Transactional(readOnly = true)
    List<UseCaseModelCost> modelMix(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT use_case, model_key, sum(cost) FROM daily_rollup WHERE day BETWEEN :from AND :to
                        GROUP BY use_case, model_key ORDER BY use_case, sum(cost) DESC, model_key""")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new UseCaseModelCost(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Cost per day and use case, for the stacked daily chart. */
    @Transactional(readOnly = true)
    List<DailyUseCaseCost> daily(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT to_char(day, 'YYYY-MM-DD'), use_case, cost FROM daily_use_case_rollup
                        WHERE day BETWEEN :from AND :to ORDER BY day, use_case""")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new DailyUseCaseCost(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }
}
