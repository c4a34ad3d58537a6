package io.tokenwarden.usecase;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import io.tokenwarden.web.Vocabulary;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** PUT replaces every setting: a field left out is cleared. */
@RestController
class UseCaseController {

    private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");

    private final UseCases useCases;
    private final BoundedJson bodies;

    private final UseCaseScopes scopes;

    UseCaseController(UseCases useCases, BoundedJson bodies, UseCaseScopes scopes) {
        this.scopes = scopes;
        this.useCases = useCases;
        this.bodies = bodies;
    }

    @GetMapping("/api/v1/use-cases")
    List<UseCaseView> list(org.springframework.security.core.Authentication caller) {
        return scopes.of(caller).filter(useCases.all(), UseCaseSettings::useCase).stream()
                .map(UseCaseView::of)
                .toList();
    }

    @PutMapping("/api/v1/use-cases/{use_case}")
    UseCaseView put(@PathVariable("use_case") String useCase, HttpServletRequest request, Principal user) {
        List<FieldError> errors = new ArrayList<>();
        if (!Vocabulary.NAME.matcher(useCase).matches()) {
            errors.add(new FieldError("use_case", Vocabulary.NAME_HINT));
        }
        UseCaseSettings settings = JsonFields.object(bodies.read(request), "", errors)
                .map(f -> read(useCase, f))
                .orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return UseCaseView.of(useCases.put(settings, user.getName()));
    }

    /** What a PUT may carry: the settings, and the use case's name as GET shows it (read-only, so a GET body can be sent back). */
    private static final List<String> FIELDS = List.of(
            "use_case",
            "display_name",
            "owner_team",
            "unit_name",
            "value_per_unit_usd",
            "monthly_budget_usd",
            "latency_class",
            "default_task_type",
            "budget_action",
            "cache_diagnostics");

    static UseCaseSettings read(String useCase, JsonFields f) {
        f.rejectUnknown(FIELDS, "a use-case setting");
        return new UseCaseSettings(
                useCase,
                f.optionalString("display_name", 128),
                f.optionalString("owner_team", 64),
                f.optionalString("unit_name", 64),
                f.optionalDecimal("value_per_unit_usd", BigDecimal.ZERO, MAX_MONEY),
                f.optionalDecimal("monthly_budget_usd", BigDecimal.ZERO, MAX_MONEY),
                f.optionalEnum("latency_class", Vocabulary::latencyClass, null, "interactive, background"),
                f.optionalString("default_task_type", 64),
                f.optionalEnum(
                        "budget_action",
                        UseCaseController::budgetAction,
                        UseCaseSettings.ALERT,
                        "alert, block, downgrade"),
                f.optionalBoolean("cache_diagnostics", true));
    }

    private static java.util.Optional<String> budgetAction(String value) {
        return java.util.Optional.of(value)
                .filter(v -> v.equals(UseCaseSettings.ALERT)
                        || v.equals(UseCaseSettings.BLOCK)
                        || v.equals(UseCaseSettings.DOWNGRADE));
    }
}
