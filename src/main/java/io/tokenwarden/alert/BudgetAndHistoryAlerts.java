package io.tokenwarden.alert;

import io.tokenwarden.analytics.BudgetRow;
import io.tokenwarden.analytics.Reports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The alerts that follow the month and a use case's history: budget thresholds (50%, 80% and 100% of the month's
 * budget, each once a month), a forecast above the budget, a use case that starts spending with no history
 * ({@code new_spend}, once), and the daily anomaly job's findings ({@code daily_anomaly}).
 */
@Component
class BudgetAndHistoryAlerts {

    static final int[] SHARES = {50, 80, 100};

    private final Reports reports;
    private final AlertStore alerts;
    private final JdbcClient jdbc;

    BudgetAndHistoryAlerts(Reports reports, AlertStore alerts, JdbcClient jdbc) {
        this.reports = reports;
        this.alerts = alerts;
        this.jdbc = jdbc;
    }

    void budgets(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        for (BudgetRow row : reports.budgets(month)) {
            BigDecimal budget = row.budgetUsd();
            BigDecimal spent = row.monthToDateUsd();
            BigDecimal forecast = row.forecastUsd();
            for (int share : SHARES) {
                BigDecimal line = budget.multiply(BigDecimal.valueOf(share)).movePointLeft(2);
                String occasion = month + ":" + share;
                if (budget.signum() > 0 && spent.compareTo(line) >= 0) {
                    alerts.open(
                            "budget_threshold",
                            row.useCase(),
                            occasion,
                            spent,
                            line,
                            "%s has spent $%s, %d%% of its $%s budget for %s"
                                    .formatted(row.useCase(), money(spent), share, money(budget), month));
                } else {
                    alerts.resolve("budget_threshold", row.useCase(), occasion);
                }
            }
            if (forecast.compareTo(budget) > 0) {
                alerts.open(
                        "budget_forecast",
                        row.useCase(),
                        month.toString(),
                        forecast,
                        budget,
                        "%s is on course to spend $%s in %s, over its $%s budget"
                                .formatted(row.useCase(), money(forecast), month, money(budget)));
            } else {
                alerts.resolve("budget_forecast", row.useCase(), month.toString());
            }
        }
        alerts.resolveOlderMonths(month);
    }

    /** A use case whose first spend is within the last day opens one new_spend alert; it resolves after 7 days. */
    void newSpend(Instant now) {
        List<Map<String, Object>> young = jdbc.sql("""
                        SELECT use_case, min(hour) AS first_hour, sum(cost) AS cost FROM hourly_use_case_rollup
                        GROUP BY use_case HAVING min(hour) >= ?""")
                .param(Timestamp.from(now.minus(1, ChronoUnit.DAYS)))
                .query()
                .listOfRows();
        for (Map<String, Object> row : young) {
            String useCase = (String) row.get("use_case");
            BigDecimal cost = (BigDecimal) row.get("cost");
            alerts.open(
                    "new_spend",
                    useCase,
                    "first",
                    cost,
                    null,
                    "%s started spending: $%s since %s"
                            .formatted(useCase, money(cost), ((Timestamp) row.get("first_hour")).toInstant()));
        }
        jdbc.sql("""
                        SELECT a.use_case FROM alert a WHERE a.kind = 'new_spend' AND a.status = 'open'
                        AND a.opened_at < ?""")
                .param(Timestamp.from(now.minus(7, ChronoUnit.DAYS)))
                .query(String.class)
                .list()
                .forEach(useCase -> alerts.resolve("new_spend", useCase, "first"));
    }

    /** The anomaly job's days of the last two days become alerts; older ones resolve (the day is over). */
    void anomalies(LocalDate today) {
        jdbc.sql("SELECT day, use_case, cost, baseline_mean, baseline_sd FROM anomaly WHERE day >= ?")
                .param(today.minusDays(1))
                .query()
                .listOfRows()
                .forEach(row -> {
                    BigDecimal cost = (BigDecimal) row.get("cost");
                    BigDecimal mean = (BigDecimal) row.get("baseline_mean");
                    String useCase = (String) row.get("use_case");
                    alerts.open(
                            "daily_anomaly",
                            useCase,
                            row.get("day").toString(),
                            cost,
                            mean.add(((BigDecimal) row.get("baseline_sd")).multiply(BigDecimal.valueOf(3))),
                            "%s cost $%s on %s; its usual day costs $%s"
                                    .formatted(useCase, money(cost), row.get("day"), money(mean)));
                });
        alerts.resolveOccasionsBefore("daily_anomaly", today.minusDays(1).toString());
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
