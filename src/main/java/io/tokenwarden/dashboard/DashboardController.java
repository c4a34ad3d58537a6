package io.tokenwarden.dashboard;

import io.tokenwarden.alert.Alerts;
import io.tokenwarden.analytics.DailyUseCaseCost;
import io.tokenwarden.analytics.ParetoReport;
import io.tokenwarden.analytics.Reports;
import io.tokenwarden.analytics.SpendReport;
import io.tokenwarden.analytics.SpendRow;
import io.tokenwarden.recommend.Recommendations;
import io.tokenwarden.reconcile.Reconciliation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Finance's monthly view: headline figures, charts (data fetched as JSON) and the tables behind them. */
@Controller
class DashboardController {

    private static final int TOP_USE_CASES = 5;

    private final Reports reports;
    private final Recommendations recommendations;
    private final Reconciliation reconciliation;
    private final JdbcClient jdbc;
    private final Alerts alerts;

    private final io.tokenwarden.usecase.UseCaseScopes scopes;

    DashboardController(
            Reports reports,
            Recommendations recommendations,
            Reconciliation reconciliation,
            JdbcClient jdbc,
            Alerts alerts,
            io.tokenwarden.usecase.UseCaseScopes scopes) {
        this.scopes = scopes;
        this.alerts = alerts;
        this.reports = reports;
        this.recommendations = recommendations;
        this.reconciliation = reconciliation;
        this.jdbc = jdbc;
    }

    @GetMapping("/dashboard")
    String dashboard(
            @RequestParam(required = false) String month,
            Model model,
            org.springframework.security.core.Authentication caller) {
        if (!scopes.of(caller).all()) {
            return "redirect:/features"; // the company's month is finance's page; a team-scoped engineer sees their own
        }
        YearMonth shown = Months.parse(month, YearMonth.from(reports.today()));
        Recommendations.Realized realized = recommendations.realizedSavings();
        FinanceView view = FinanceView.of(reports, shown, recommendations.openSavings(), realized.total());
        model.addAttribute("view", view);
        model.addAttribute("realized", realized);
        ChartData daily = FinanceView.dailyStack(reports.daily(shown), shown, top(view.pareto()));
        model.addAttribute("daily", daily);
        Cells cells = new Cells();
        model.addAttribute("dailyRows", cells.rows(daily));
        model.addAttribute("paretoRows", cells.pareto(view.pareto()));
        model.addAttribute("unitCostRows", cells.unitCosts(view.unitCosts()));
        model.addAttribute("bill", reconciliation.month(shown));
        model.addAttribute("alerts", alerts.open());
        model.addAttribute("previousMonth", shown.minusMonths(1));
        model.addAttribute("nextMonth", shown.plusMonths(1));
        model.addAttribute(
                "demo",
                jdbc.sql("SELECT count(*) FROM app WHERE name = 'demo'")
                                .query(Long.class)
                                .single()
                        > 0);
        return "dashboard";
    }

    @GetMapping("/dashboard/data")
    @ResponseBody
    Map<String, ChartData> data(
            @RequestParam(required = false) String month, org.springframework.security.core.Authentication caller) {
        if (!scopes.of(caller).all()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
        YearMonth shown = Months.parse(month, YearMonth.from(reports.today()));
        ParetoReport pareto = reports.pareto(shown);
        List<DailyUseCaseCost> daily = reports.daily(shown);
        SpendReport byModel = reports.spend(shown, "model");
        return Map.of(
                "daily", FinanceView.dailyStack(daily, shown, top(pareto)),
                "pareto",
                        new ChartData(
                                pareto.rows().stream()
                                        .map(ParetoReport.Row::useCase)
                                        .toList(),
                                List.of(
                                        new ChartData.Series(
                                                "cost",
                                                pareto.rows().stream()
                                                        .map(r -> r.costUsd())
                                                        .toList()),
                                        new ChartData.Series(
                                                "cumulative share",
                                                pareto.rows().stream()
                                                        .map(ParetoReport.Row::cumulativeShare)
                                                        .toList()))),
                "models",
                        new ChartData(
                                byModel.rows().stream().map(SpendRow::key).toList(),
                                List.of(new ChartData.Series(
                                        "cost",
                                        byModel.rows().stream()
                                                .map(r -> r.costUsd())
                                                .toList()))));
    }

    private static List<String> top(ParetoReport pareto) {
        return pareto.rows().stream()
                .limit(TOP_USE_CASES)
                .map(ParetoReport.Row::useCase)
                .toList();
    }

    /** The month as CSV: one row per day and use case. */
    @GetMapping("/dashboard/export.csv")
    void export(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        YearMonth shown = Months.parse(month, YearMonth.from(reports.today()));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"tokenwarden-" + shown + ".csv\"");
        Writer writer = response.getWriter();
        try (CSVPrinter csv = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("day", "use_case", "cost_usd")
                        .get())) {
            for (DailyUseCaseCost row : reports.daily(shown)) {
                csv.printRecord(row.day(), row.useCase(), row.cost().toPlainString());
            }
        }
    }
}
