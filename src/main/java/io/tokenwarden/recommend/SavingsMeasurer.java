package io.tokenwarden.recommend;

import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Compares a use case's cost and quality before and after a recommendation was implemented. */
@Component
class SavingsMeasurer {

    static final Duration SIDE = Duration.ofDays(14);
    private static final BigDecimal QUALITY_TOLERANCE = new BigDecimal("0.02");
    private static final BigDecimal SECONDS_PER_MONTH = BigDecimal.valueOf(30L * 86_400);

    private final JdbcClient jdbc;

    SavingsMeasurer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Totals(long requests, BigDecimal cost, BigDecimal units, BigDecimal quality) {}

    Measurement measure(String useCase, Instant implementedAt, Instant now) {
        Instant afterEnd = now.isBefore(implementedAt.plus(SIDE)) ? now : implementedAt.plus(SIDE);
        Totals before = totals(useCase, implementedAt.minus(SIDE), implementedAt);
        Totals after = totals(useCase, implementedAt, afterEnd);
        BigDecimal realized = null;
        if (before.requests() > 0 && after.requests() > 0 && afterEnd.isAfter(implementedAt)) {
            BigDecimal perRequestSaving = perRequest(before).subtract(perRequest(after));
            BigDecimal afterSeconds =
                    BigDecimal.valueOf(Duration.between(implementedAt, afterEnd).toSeconds());
            realized = perRequestSaving
                    .multiply(BigDecimal.valueOf(after.requests()))
                    .multiply(SECONDS_PER_MONTH)
                    .divide(afterSeconds, 12, RoundingMode.HALF_EVEN);
        }
        return new Measurement(
                Measurement.BEFORE_AFTER,
                period(implementedAt.minus(SIDE), implementedAt, before),
                period(implementedAt, afterEnd, after),
                realized,
                quality(before.quality(), after.quality()));
    }

    private Totals totals(String useCase, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(*), coalesce(sum(cost), 0), coalesce(sum(business_units), 0), avg(quality_score)
                        FROM usage_event WHERE use_case = ? AND occurred_at >= ? AND occurred_at < ?""")
                .params(useCase, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) ->
                        new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .single();
    }

    private static BigDecimal perRequest(Totals totals) {
        return totals.cost().divide(BigDecimal.valueOf(totals.requests()), 12, RoundingMode.HALF_EVEN);
    }

    private static Measurement.Period period(Instant from, Instant to, Totals t) {
        return new Measurement.Period(
                from.toString(),
                to.toString(),
                t.requests(),
                Money.format(t.cost()),
                t.requests() == 0 ? null : Money.format(perRequest(t)),
                t.units().signum() == 0 ? null : Money.format(t.cost().divide(t.units(), 12, RoundingMode.HALF_EVEN)),
                t.quality() == null ? null : t.quality().setScale(4, RoundingMode.HALF_EVEN));
    }

    private static String quality(BigDecimal before, BigDecimal after) {
        if (before == null || after == null) {
            return "unknown";
        }
        return after.compareTo(before.subtract(QUALITY_TOLERANCE)) < 0 ? "dropped" : "held";
    }
}
