package io.tokenwarden.analytics;

import io.tokenwarden.usecase.UseCaseScopes;
import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report endpoints of API.md, all served from rollups. Months and days are in the reporting zone. */
@RestController
class ReportController {

    private static final int MAX_DAYS = 3660;

    private final Reports reports;

    private final UseCaseScopes scopes;

    ReportController(Reports reports, UseCaseScopes scopes) {
        this.reports = reports;
        this.scopes = scopes;
    }

    /** from and to are inclusive reporting days; both default to the current month. */
    @GetMapping("/api/v1/reports/spend")
    SpendReport spend(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "group_by", defaultValue = "use_case") String groupBy,
            Authentication caller) {
        YearMonth current = YearMonth.from(reports.today());
        LocalDate start = from == null ? current.atDay(1) : from;
        LocalDate end = to == null ? current.atEndOfMonth() : to;
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ApiException.badRequest(List.of(new FieldError("to", "must be on or after from, within 10 years")));
        }
        return reports.spend(start, end, groupBy, scopes.of(caller));
    }

    @GetMapping("/api/v1/reports/pareto")
    ParetoReport pareto(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            Authentication caller) {
        return reports.pareto(orCurrent(month), scopes.of(caller));
    }

    @GetMapping("/api/v1/reports/unit-costs")
    Rows<UnitCostRow> unitCosts(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            Authentication caller) {
        YearMonth m = orCurrent(month);
        return new Rows<>(m.toString(), scopes.of(caller).filter(reports.unitCosts(m), UnitCostRow::useCase));
    }

    /** {@code as_of} (a day, default today) is added to API.md: the budget status as it stood that day. */
    @GetMapping("/api/v1/reports/budgets")
    Rows<BudgetRow> budgets(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(name = "as_of", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            Authentication caller) {
        YearMonth m = orCurrent(month);
        return new Rows<>(
                m.toString(),
                scopes.of(caller)
                        .filter(reports.budgets(m, asOf == null ? reports.today() : asOf), BudgetRow::useCase));
    }

    @GetMapping("/api/v1/reports/anomalies")
    Rows<AnomalyRow> anomalies(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            Authentication caller) {
        YearMonth m = orCurrent(month);
        return new Rows<>(m.toString(), scopes.of(caller).filter(reports.anomalies(m), AnomalyRow::useCase));
    }

    record Rows<T>(String month, List<T> rows) {}

    private YearMonth orCurrent(YearMonth month) {
        return month == null ? YearMonth.from(reports.today()) : month;
    }
}
