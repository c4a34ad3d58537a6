package io.tokenwarden.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags a use case whose cost on a day is above mean + 3 sd (population sd) of its previous days, at most 28,
 * counting only days since the use case first spent (before that it did not exist: those days are no baseline),
 * and above $1. At least {@value #MIN_HISTORY} days of history are needed before a day can be an anomaly; a use
 * case's first days are the new_spend alert's business. Days without spend after the first count as $0. The test
 * is exact: with n days, S = sum and Q = sum of squares of the baseline, cost > mean + 3 sd exactly when
 * n * cost - S > 0 and (n * cost - S)^2 > 9 (n Q - S^2).
 */
@Component
class AnomalyDetector {

    static final int BASELINE_DAYS = 28;
    static final int MIN_HISTORY = 7;
    private static final BigDecimal NINE = BigDecimal.valueOf(9);

    private final JdbcClient jdbc;

    AnomalyDetector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Judges {@code day} once; returns how many anomalies it found. */
    @Transactional
    int scan(LocalDate day) {
        Map<String, BigDecimal[]> series = new HashMap<>();
        Map<String, LocalDate> firstDay = new HashMap<>();
        jdbc.sql("""
                        SELECT use_case, min(day) FROM daily_use_case_rollup WHERE day <= :day AND requests > 0
                        GROUP BY use_case""").param("day", day).query(rs -> {
            firstDay.put(rs.getString(1), rs.getDate(2).toLocalDate());
        });
        jdbc.sql("""
                        SELECT use_case, day, cost FROM daily_use_case_rollup WHERE day BETWEEN :start AND :day""")
                .param("start", day.minusDays(BASELINE_DAYS))
                .param("day", day)
                .query(rs -> {
                    BigDecimal[] costs = series.computeIfAbsent(rs.getString(1), k -> zeros());
                    int index = (int) (rs.getDate(2).toLocalDate().toEpochDay()
                            - day.minusDays(BASELINE_DAYS).toEpochDay());
                    costs[index] = rs.getBigDecimal(3);
                });
        int found = 0;
        for (Map.Entry<String, BigDecimal[]> entry : series.entrySet()) {
            BigDecimal[] baseline = baseline(entry.getValue(), day, firstDay.get(entry.getKey()));
            BigDecimal cost = entry.getValue()[BASELINE_DAYS];
            if (isAnomaly(baseline, cost)) {
                found += record(day, entry.getKey(), baseline, cost);
            }
        }
        jdbc.sql("INSERT INTO anomaly_scan (day) VALUES (?) ON CONFLICT DO NOTHING")
                .param(day)
                .update();
        return found;
    }

    /** The days before {@code day} since the use case first spent, at most 28, oldest first. */
    static BigDecimal[] baseline(BigDecimal[] window, LocalDate day, LocalDate firstDay) {
        long existed = firstDay == null ? 0 : day.toEpochDay() - firstDay.toEpochDay();
        int n = (int) Math.max(0, Math.min(BASELINE_DAYS, existed));
        return java.util.Arrays.copyOfRange(window, BASELINE_DAYS - n, BASELINE_DAYS);
    }

    static boolean isAnomaly(BigDecimal[] baseline, BigDecimal cost) {
        if (baseline.length < MIN_HISTORY || cost.compareTo(BigDecimal.ONE) <= 0) {
            return false;
        }
        BigDecimal n = BigDecimal.valueOf(baseline.length);
        BigDecimal excess = n.multiply(cost).subtract(sum(baseline));
        return excess.signum() > 0 && excess.pow(2).compareTo(NINE.multiply(spread(baseline))) > 0;
    }

    /** n Q - S^2 over the baseline: n^2 times the population variance, exact. */
    private static BigDecimal spread(BigDecimal[] baseline) {
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal cost : baseline) {
            squares = squares.add(cost.pow(2));
        }
        return BigDecimal.valueOf(baseline.length)
                .multiply(squares)
                .subtract(sum(baseline).pow(2));
    }

    private static BigDecimal sum(BigDecimal[] baseline) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal cost : baseline) {
            sum = sum.add(cost);
        }
        return sum;
    }

    private int record(LocalDate day, String useCase, BigDecimal[] baseline, BigDecimal cost) {
        BigDecimal n = BigDecimal.valueOf(baseline.length);
        BigDecimal mean = sum(baseline).divide(n, 12, RoundingMode.HALF_EVEN);
        BigDecimal sd = spread(baseline).sqrt(MathContext.DECIMAL128).divide(n, 12, RoundingMode.HALF_EVEN);
        return jdbc.sql("""
                        INSERT INTO anomaly (day, use_case, cost, baseline_mean, baseline_sd) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(day, useCase, cost, mean, sd).update();
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] costs = new BigDecimal[BASELINE_DAYS + 1];
        java.util.Arrays.fill(costs, BigDecimal.ZERO);
        return costs;
    }
}
