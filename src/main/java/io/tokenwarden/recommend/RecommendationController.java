package io.tokenwarden.recommend;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private static final List<String> STATUSES = List.of("open", "accepted", "dismissed", "implemented", "resolved");

    private final Recommendations recommendations;
    private final RecommendationAnalysis analysis;
    private final RoutingPolicy routingPolicy;
    private final Pilots pilots;
    private final BoundedJson bodies;
    private final io.tokenwarden.usecase.UseCaseScopes scopes;

    RecommendationController(
            Recommendations recommendations,
            RecommendationAnalysis analysis,
            RoutingPolicy routingPolicy,
            Pilots pilots,
            BoundedJson bodies,
            io.tokenwarden.usecase.UseCaseScopes scopes) {
        this.scopes = scopes;
        this.pilots = pilots;
        this.recommendations = recommendations;
        this.analysis = analysis;
        this.routingPolicy = routingPolicy;
        this.bodies = bodies;
    }

    @GetMapping("/api/v1/recommendations")
    List<RecommendationView> list(
            @RequestParam(name = "use_case", required = false) String useCase,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            org.springframework.security.core.Authentication caller) {
        List<FieldError> errors = new ArrayList<>();
        if (kind != null && Kind.fromWire(kind).isEmpty()) {
            errors.add(new FieldError(
                    "kind",
                    "must be one of prompt_caching, cache_busting, model_routing, batch_api, "
                            + "conversation_summarization, document_prefilter"));
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return scopes.of(caller).filter(recommendations.list(useCase, kind, status), RecommendationView::useCase);
    }

    @PostMapping("/api/v1/recommendations/{id}/status")
    RecommendationView setStatus(
            @PathVariable long id,
            HttpServletRequest request,
            org.springframework.security.core.Authentication caller) {
        recommendations.useCaseOf(id).ifPresent(useCase -> scopes.requireVisible(caller, useCase));
        List<FieldError> errors = new ArrayList<>();
        Optional<JsonFields> body = JsonFields.object(bodies.read(request), "", errors);
        String status = body.map(f -> f.optionalString("status", 32)).orElse(null);
        String note = body.map(f -> f.optionalString("note", 2000)).orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return recommendations.setStatus(id, status, note);
    }

    /** API-next: starts, changes or (share 0) stops the pilot of a model_routing or prompt_caching recommendation. */
    @PostMapping("/api/v1/recommendations/{id}/pilot")
    RecommendationView pilot(
            @PathVariable long id, HttpServletRequest request, org.springframework.security.core.Authentication user) {
        recommendations.useCaseOf(id).ifPresent(useCase -> scopes.requireVisible(user, useCase));
        List<FieldError> errors = new ArrayList<>();
        java.math.BigDecimal share = JsonFields.object(bodies.read(request), "", errors)
                .map(f -> f.requiredDecimal("share", java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE))
                .orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return pilots.setShare(id, share, user.getName());
    }

    @PostMapping("/api/v1/recommendations/refresh")
    RecommendationAnalysis.Summary refresh() {
        return analysis.refresh();
    }

    @GetMapping("/api/v1/routing-policy")
    List<RoutingPolicy.Rule> routingPolicy() {
        return routingPolicy.rules();
    }
}
