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
 * Flags a use case whose cost on a day is above mean + 3 sd (population sd) of its previous 28
 * days, days without spend counting as $0, and above $1. The test is exact: with n = 28,
 * S = sum and Q = sum of squares of the baseline, cost > mean + 3 sd exactly when
 * n * cost - S > 0 and (n * cost - S)^2 > 9 (n Q - S^2).
 */
@Component
class AnomalyDetector {

    static final int BASELINE_DAYS = 28;
    private static final BigDecimal N = BigDecimal.valueOf(BASELINE_DAYS);
    private static final BigDecimal NINE = BigDecimal.valueOf(9);

    private final JdbcClient jdbc;

    AnomalyDetector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Judges {@code day} once; returns how many anomalies it found. */
    @Transactional
    int scan(LocalDate day) {
        Map<String, BigDecimal[]> series = new HashMap<>();
        jdbc.sql("""
                        SELECT use_case, day, cost FROM daily_use_case_rollup WHERE day BETWEEN :start AND :day""")
                .param("start", day.minusDays(BASELINE_DAYS)).param("day", day)
                .query(rs -> {
                    BigDecimal[] costs = series.computeIfAbsent(rs.getString(1), k -> zeros());
                    int index = (int) (rs.getDate(2).toLocalDate().toEpochDay() - day.minusDays(BASELINE_DAYS).toEpochDay());
                    costs[index] = rs.getBigDecimal(3);
                });
        int found = 0;
        for (Map.Entry<String, BigDecimal[]> entry : series.entrySet()) {
            if (isAnomaly(entry.getValue())) {
                found += record(day, entry.getKey(), entry.getValue());
            }
        }
        jdbc.sql("INSERT INTO anomaly_scan (day) VALUES (?) ON CONFLICT DO NOTHING").param(day).update();
        return found;
    }

    static boolean isAnomaly(BigDecimal[] costs) {
        BigDecimal cost = costs[BASELINE_DAYS];
        if (cost.compareTo(BigDecimal.ONE) <= 0) {
            return false;
        }
        BigDecimal excess = N.multiply(cost).subtract(sum(costs));
        return excess.signum() > 0 && excess.pow(2).compareTo(NINE.multiply(spread(costs))) > 0;
    }

    /** n Q - S^2 over the baseline: n^2 times the population variance, exact. */
    private static BigDecimal spread(BigDecimal[] costs) {
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = 0; i < BASELINE_DAYS; i++) {
            squares = squares.add(costs[i].pow(2));
        }
        return N.multiply(squares).subtract(sum(costs).pow(2));
    }

    private static BigDecimal sum(BigDecimal[] costs) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < BASELINE_DAYS; i++) {
            sum = sum.add(costs[i]);
        }
        return sum;
    }

    private int record(LocalDate day, String useCase, BigDecimal[] costs) {
        BigDecimal mean = sum(costs).divide(N, 12, RoundingMode.HALF_EVEN);
        BigDecimal sd = spread(costs).sqrt(MathContext.DECIMAL128).divide(N, 12, RoundingMode.HALF_EVEN);
        return jdbc.sql("""
                        INSERT INTO anomaly (day, use_case, cost, baseline_mean, baseline_sd) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(day, useCase, costs[BASELINE_DAYS], mean, sd).update();
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] costs = new BigDecimal[BASELINE_DAYS + 1];
        java.util.Arrays.fill(costs, BigDecimal.ZERO);
        return costs;
    }
}
