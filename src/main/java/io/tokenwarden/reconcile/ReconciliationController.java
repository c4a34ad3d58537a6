package io.tokenwarden.reconcile;

import io.tokenwarden.web.BoundedJson;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN and FINANCE: upload what Anthropic billed, and compare it with what Tokenwarden tracked. */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final BoundedJson bodies;
    private final Clock clock;

    ReconciliationController(Reconciliation reconciliation, BoundedJson bodies, Clock clock) {
        this.reconciliation = reconciliation;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** The JSON of GET /v1/organizations/cost_report (group_by description and model works best). */
    @PostMapping("/api/v1/reconciliation/cost-report")
    Map<String, Integer> costReport(HttpServletRequest request, Principal user) {
        return Map.of("days_and_models", reconciliation.upload(bodies.read(request), "cost_report", user.getName()));
    }

    /** The JSON of GET /v1/organizations/usage_report/messages grouped by model, priced with the catalog. */
    @PostMapping("/api/v1/reconciliation/usage-report")
    Map<String, Integer> usageReport(HttpServletRequest request, Principal user) {
        return Map.of("days_and_models", reconciliation.upload(bodies.read(request), "usage_report", user.getName()));
    }

    @GetMapping("/api/v1/reconciliation")
    Reconciliation.Report month(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return reconciliation.month(month == null ? YearMonth.now(clock) : month);
    }
}
