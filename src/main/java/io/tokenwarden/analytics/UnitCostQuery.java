package io.tokenwarden.analytics;

import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCases;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Units = business_units on events + outcome units; cost per unit only when there are units. */
@Component
class UnitCostQuery {

    private final JdbcClient jdbc;
    private final UseCases useCases;

    UnitCostQuery(JdbcClient jdbc, UseCases useCases) {
        this.jdbc = jdbc;
        this.useCases = useCases;
    }

    @Transactional(readOnly = true)
    List<UnitCostRow> run(YearMonth month) {
        Map<String, BigDecimal[]> totals = new TreeMap<>(); // use case -> {cost, units}
        jdbc.sql("""
                        SELECT use_case, sum(cost), sum(business_units) FROM monthly_rollup
                        WHERE month = :start GROUP BY use_case
                        UNION ALL
                        SELECT use_case, 0, sum(units) FROM daily_outcome_rollup
                        WHERE day BETWEEN :start AND :end GROUP BY use_case""")
                .param("start", month.atDay(1))
                .param("end", month.atEndOfMonth())
                .query(rs -> {
                    BigDecimal[] sums = totals.computeIfAbsent(
                            rs.getString(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[0] = sums[0].add(rs.getBigDecimal(2));
                    sums[1] = sums[1].add(rs.getBigDecimal(3));
                });
        Map<String, UseCaseSettings> settings = useCases.byName();
        return totals.entrySet().stream()
                .map(e -> row(UseCases.of(settings, e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private static UnitCostRow row(UseCaseSettings settings, BigDecimal cost, BigDecimal units) {
        BigDecimal perUnit = units.signum() == 0 ? null : Ratios.money(cost, units);
        BigDecimal valuePerUnit = settings.valuePerUnit();
        BigDecimal value = valuePerUnit == null ? null : units.multiply(valuePerUnit);
        BigDecimal roi = value == null || cost.signum() == 0 ? null : Ratios.share(value.subtract(cost), cost);
        return new UnitCostRow(
                settings.useCase(),
                settings.unitName(),
                units.stripTrailingZeros(),
                cost,
                perUnit,
                valuePerUnit,
                value,
                roi);
    }
}
