package io.tokenwarden.analytics;

import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * forecast = month-to-date + mean daily cost of the 7 full days before {@code asOf} x full days
 * left in the month after {@code asOf}. A past month's forecast is its total.
 */
@Component
class BudgetQuery {

    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    private final JdbcClient jdbc;
    private final UseCases useCases;

    BudgetQuery(JdbcClient jdbc, UseCases useCases) {
        this.jdbc = jdbc;
        this.useCases = useCases;
    }

    @Transactional(readOnly = true)
    List<BudgetRow> run(YearMonth month, LocalDate asOf) {
        return useCases.all().stream()
                .filter(s -> s.monthlyBudget() != null)
                .map(s -> row(s, month, asOf))
                .toList();
    }

    /** The whole month's forecast over every use case, by the same rule as each budget's. */
    @Transactional(readOnly = true)
    BigDecimal total(YearMonth month, LocalDate asOf) {
        return forecast(null, month, asOf)[1];
    }

    private BudgetRow row(UseCaseSettings settings, YearMonth month, LocalDate asOf) {
        BigDecimal[] toDateAndForecast = forecast(settings.useCase(), month, asOf);
        BigDecimal monthToDate = toDateAndForecast[0];
        BigDecimal forecast = toDateAndForecast[1];
        BigDecimal budget = settings.monthlyBudget();
        return new BudgetRow(
                settings.useCase(), budget, monthToDate, forecast, BudgetRow.Status.of(budget, monthToDate, forecast));
    }

    /** Month to date and forecast of one use case (null: all of them). */
    private BigDecimal[] forecast(String useCase, YearMonth month, LocalDate asOf) {
        YearMonth current = YearMonth.from(asOf);
        LocalDate lastCounted = month.isBefore(current) ? month.atEndOfMonth() : asOf;
        BigDecimal monthToDate = month.isAfter(current) ? BigDecimal.ZERO : cost(useCase, month.atDay(1), lastCounted);
        long daysLeft = month.isBefore(current)
                ? 0
                : month.isAfter(current) ? month.lengthOfMonth() : month.lengthOfMonth() - asOf.getDayOfMonth();
        BigDecimal forecast = monthToDate;
        if (daysLeft > 0) {
            BigDecimal lastWeek = cost(useCase, asOf.minusDays(7), asOf.minusDays(1));
            forecast = monthToDate.add(Ratios.money(lastWeek.multiply(BigDecimal.valueOf(daysLeft)), SEVEN));
        }
        return new BigDecimal[] {monthToDate, forecast};
    }

    private BigDecimal cost(String useCase, LocalDate from, LocalDate to) {
        return Objects.requireNonNull(jdbc.sql("""
                        SELECT coalesce(sum(cost), 0) FROM daily_use_case_rollup
                        WHERE (:useCase::text IS NULL OR use_case = :useCase) AND day BETWEEN :start AND :end""")
                .param("useCase", useCase)
                .param("start", from)
                .param("end", to)
                .query(BigDecimal.class)
                .single());
    }
}
