package io.tokenwarden.dashboard;

import io.tokenwarden.analytics.AnomalyRow;
import io.tokenwarden.analytics.BudgetRow;
import io.tokenwarden.analytics.DailyUseCaseCost;
import io.tokenwarden.analytics.ParetoReport;
import io.tokenwarden.analytics.Reports;
import io.tokenwarden.analytics.SpendReport;
import io.tokenwarden.analytics.SpendRow;
import io.tokenwarden.analytics.UnitCostRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The finance dashboard's figures for one month. Forecast = spend so far + mean daily spend of the
 * last 7 full days x days left (the same rule as the budget report), for the current month only.
 */
record FinanceView(
        YearMonth month,
        BigDecimal spend,
        BigDecimal previousSpend,
        BigDecimal changePercent,
        BigDecimal forecast,
        long budgetsOver,
        long budgetsAtRisk,
        BigDecimal openSavings,
        BigDecimal realizedSavings,
        ParetoReport pareto,
        SpendReport byModel,
        List<UnitCostRow> unitCosts,
        List<BudgetRow> budgets,
        List<AnomalyRow> anomalies,
        SpendRow gateway,
        boolean sameDays,
        int throughDay) {

    static FinanceView of(Reports reports, YearMonth month, BigDecimal openSavings, BigDecimal realizedSavings) {
        BigDecimal spend = reports.spend(month, "use_case").totalCostUsd();
        BigDecimal previous = previousSpend(reports, month, "use_case").totalCostUsd();
        BigDecimal change = previous.signum() == 0
                ? null
                : spend.subtract(previous).movePointRight(2).divide(previous, 1, RoundingMode.HALF_EVEN);
        List<BudgetRow> budgets = reports.budgets(month);
        return new FinanceView(
                month,
                spend,
                previous,
                change,
                forecast(reports, month, spend),
                budgets.stream()
                        .filter(b -> b.status() == BudgetRow.Status.OVER)
                        .count(),
                budgets.stream()
                        .filter(b -> b.status() == BudgetRow.Status.AT_RISK)
                        .count(),
                openSavings,
                realizedSavings,
                reports.pareto(month),
                reports.spend(month, "model"),
                reports.unitCosts(month),
                budgets,
                reports.anomalies(month),
                reports.spend(month, "tag:tw_source").rows().stream()
                        .filter(row -> "gateway".equals(row.key()))
                        .findFirst()
                        .orElse(null),
                YearMonth.from(reports.today()).equals(month),
                reports.today().getDayOfMonth());
    }

    /**
     * What this month is compared with: in the current month the same days of last month (on the 2nd, the 1st and
     * 2nd of last month, not all of it), else the whole previous month.
     */
    static SpendReport previousSpend(Reports reports, YearMonth month, String groupBy) {
        YearMonth previous = month.minusMonths(1);
        LocalDate today = reports.today();
        if (!YearMonth.from(today).equals(month)) {
            return reports.spend(previous, groupBy);
        }
        return reports.spend(
                previous.atDay(1), previous.atDay(Math.min(today.getDayOfMonth(), previous.lengthOfMonth())), groupBy);
    }

    /** The label of the comparison, as {@link #previousSpend} made it. */
    public String changeLabel() {
        return sameDays ? "vs same days last month (to the " + ordinal(throughDay) + ")" : "vs last month";
    }

    private static String ordinal(int day) {
        String suffix = day % 100 >= 11 && day % 100 <= 13
                ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return day + suffix;
    }

    /** The budgets' own rule (analytics), for a month that is not over yet; a past month's total is its spend. */
    private static BigDecimal forecast(Reports reports, YearMonth month, BigDecimal spend) {
        return YearMonth.from(reports.today()).equals(month) ? reports.forecast(month) : spend;
    }

    /** Daily spend stacked by the top {@code top} use cases of the month, the rest as "other". */
    static ChartData dailyStack(List<DailyUseCaseCost> daily, YearMonth month, List<String> topUseCases) {
        List<String> days = month.atDay(1)
                .datesUntil(month.atEndOfMonth().plusDays(1))
                .map(LocalDate::toString)
                .toList();
        List<String> names = new java.util.ArrayList<>(topUseCases);
        names.add("other");
        java.util.Map<String, Integer> dayIndex = new java.util.HashMap<>();
        days.forEach(day -> dayIndex.put(day, dayIndex.size()));
        BigDecimal[][] sums = new BigDecimal[names.size()][days.size()];
        for (BigDecimal[] row : sums) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        for (DailyUseCaseCost d : daily) {
            Integer day = dayIndex.get(d.day());
            int top = topUseCases.indexOf(d.useCase());
            if (day != null) {
                int s = top >= 0 ? top : names.size() - 1;
                sums[s][day] = sums[s][day].add(d.cost());
            }
        }
        List<ChartData.Series> series = new java.util.ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            series.add(new ChartData.Series(names.get(s), List.of(sums[s])));
        }
        return new ChartData(days, series);
    }
}
