package io.tokenwarden.recommend;

import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A pilot's two arms over the same days: cost per request, cost per business unit, mean quality_score, the share of
 * errors and refusals, and for each difference (pilot minus control) a 95% interval (normal approximation, unequal
 * variances). Quality "held" when the interval's lower end is no worse than -0.02 (the before/after tolerance),
 * "dropped" when the whole interval lies below zero, else "not_yet_known".
 */
@Component
class ArmComparison {

    static final BigDecimal QUALITY_TOLERANCE = new BigDecimal("0.02");
    private static final BigDecimal Z95 = new BigDecimal("1.96");
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal SECONDS_PER_MONTH = BigDecimal.valueOf(30L * 86_400);

    private final JdbcClient jdbc;

    ArmComparison(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The comparison as the API shows it, and the monthly saving it realized at the pilot's share (null if unknown). */
    record Result(Map<String, Object> arms, Map<String, Object> difference, BigDecimal realizedMonthlySavings) {}

    Result compare(Pilot pilot, Instant now) {
        Arm control = arm(pilot.recommendationId(), Pilot.CONTROL);
        Arm treated = arm(pilot.recommendationId(), Pilot.PILOT);
        Map<String, Object> arms = new LinkedHashMap<>();
        arms.put(Pilot.CONTROL, control.view());
        arms.put(Pilot.PILOT, treated.view());
        Map<String, Object> difference = new LinkedHashMap<>();
        Interval cost = Interval.of(treated.cost(), control.cost());
        difference.put("cost_per_request_usd", cost == null ? null : cost.view(true));
        if (cost != null && control.cost().mean().signum() > 0) {
            difference.put(
                    "cost_per_request_change",
                    cost.estimate().divide(control.cost().mean(), 4, RoundingMode.HALF_EVEN));
        }
        Interval quality = Interval.of(treated.quality(), control.quality());
        difference.put("quality_score", quality == null ? null : quality.view(false));
        Interval failures = Interval.ofShares(treated.failures(), treated.calls(), control.failures(), control.calls());
        difference.put("error_or_refusal_share", failures == null ? null : failures.view(false));
        difference.put("quality", verdict(quality));
        difference.put("how_sure", howSure(quality));
        BigDecimal realized = null;
        // over at least a day: a pilot's first hours, scaled to a month, would promise far more than they show
        long seconds = Math.max(Duration.between(pilot.startedAt(), now).toSeconds(), 86_400);
        if (cost != null) {
            realized = cost.estimate()
                    .negate()
                    .multiply(BigDecimal.valueOf(treated.cost().n()))
                    .multiply(SECONDS_PER_MONTH)
                    .divide(BigDecimal.valueOf(seconds), 12, RoundingMode.HALF_EVEN);
        }
        return new Result(arms, difference, realized);
    }

    static String verdict(Interval quality) {
        if (quality == null) {
            return "unknown";
        }
        if (quality.low().compareTo(QUALITY_TOLERANCE.negate()) >= 0) {
            return "held";
        }
        return quality.high().signum() < 0 ? "dropped" : "not_yet_known";
    }

    private static String howSure(Interval quality) {
        if (quality == null) {
            return "no quality_score on the events of one arm or both (2 scored events per arm at least)";
        }
        return "95%% interval of the pilot's mean quality_score minus the control's: [%s, %s]; quality is held when its "
                        .formatted(
                                quality.low()
                                        .setScale(4, RoundingMode.HALF_EVEN)
                                        .toPlainString(),
                                quality.high()
                                        .setScale(4, RoundingMode.HALF_EVEN)
                                        .toPlainString())
                + "lower end is at least -0.02, dropped when its upper end is below 0";
    }

    private Arm arm(long recommendationId, String arm) {
        Arm measured = jdbc.sql("""
                        SELECT count(*), count(cost), coalesce(sum(cost), 0), coalesce(sum(cost * cost), 0),
                               coalesce(sum(business_units), 0), count(quality_score), coalesce(sum(quality_score), 0),
                               coalesce(sum(quality_score * quality_score), 0),
                               count(*) FILTER (WHERE tags ->> 'tw_stop_reason' = 'refusal'),
                               coalesce(sum(cache_read_input_tokens), 0),
                               coalesce(sum(input_tokens + cache_read_input_tokens + cache_creation_input_tokens), 0)
                        FROM usage_event WHERE tags ->> 'tw_pilot' = ? AND tags ->> 'tw_arm' = ?""")
                .params(Long.toString(recommendationId), arm)
                .query((rs, n) -> new Arm(
                        rs.getLong(1),
                        new Sample(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
                        rs.getBigDecimal(5),
                        new Sample(rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8)),
                        rs.getLong(9),
                        0,
                        rs.getLong(10),
                        rs.getLong(11)))
                .single();
        long errors = jdbc.sql(
                        "SELECT coalesce(sum(errors), 0) FROM pilot_error WHERE recommendation_id = ? AND arm = ?")
                .params(recommendationId, arm)
                .query(Long.class)
                .single();
        return measured.withErrors(errors);
    }

    /** n values with their sum and sum of squares, read exactly from numeric columns. */
    record Sample(long n, BigDecimal sum, BigDecimal sumOfSquares) {

        BigDecimal mean() {
            return n == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(n), MC);
        }

        /** The sample variance; never negative. */
        BigDecimal variance() {
            if (n < 2) {
                return BigDecimal.ZERO;
            }
            BigDecimal centered = sumOfSquares.subtract(sum.multiply(sum).divide(BigDecimal.valueOf(n), MC));
            return centered.max(BigDecimal.ZERO).divide(BigDecimal.valueOf(n - 1), MC);
        }
    }

    /** A difference of two means with its 95% interval. */
    record Interval(BigDecimal estimate, BigDecimal low, BigDecimal high) {

        static Interval of(Sample a, Sample b) {
            if (a.n() < 2 || b.n() < 2) {
                return null;
            }
            BigDecimal se = a.variance()
                    .divide(BigDecimal.valueOf(a.n()), MC)
                    .add(b.variance().divide(BigDecimal.valueOf(b.n()), MC))
                    .sqrt(MC);
            return around(a.mean().subtract(b.mean()), se);
        }

        static Interval ofShares(long aHits, long aN, long bHits, long bN) {
            if (aN == 0 || bN == 0) {
                return null;
            }
            BigDecimal pa = BigDecimal.valueOf(aHits).divide(BigDecimal.valueOf(aN), MC);
            BigDecimal pb = BigDecimal.valueOf(bHits).divide(BigDecimal.valueOf(bN), MC);
            BigDecimal se = pa.multiply(BigDecimal.ONE.subtract(pa))
                    .divide(BigDecimal.valueOf(aN), MC)
                    .add(pb.multiply(BigDecimal.ONE.subtract(pb)).divide(BigDecimal.valueOf(bN), MC))
                    .sqrt(MC);
            return around(pa.subtract(pb), se);
        }

        private static Interval around(BigDecimal estimate, BigDecimal se) {
            BigDecimal half = Z95.multiply(se, MC);
            return new Interval(estimate, estimate.subtract(half), estimate.add(half));
        }

        Map<String, Object> view(boolean money) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("estimate", money ? Money.format(estimate) : estimate.setScale(4, RoundingMode.HALF_EVEN));
            view.put("ci95_low", money ? Money.format(low) : low.setScale(4, RoundingMode.HALF_EVEN));
            view.put("ci95_high", money ? Money.format(high) : high.setScale(4, RoundingMode.HALF_EVEN));
            return view;
        }
    }
}
