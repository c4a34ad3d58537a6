package io.tokenwarden.recommend;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private static final List<String> SETTABLE = List.of("accepted", "dismissed", "implemented");
    private static final List<String> STATUSES = List.of("open", "accepted", "dismissed", "implemented", "resolved");

    private final RecommendationStore store;
    private final RecommendationAnalysis analysis;
    private final RoutingPolicy routingPolicy;
    private final BoundedJson bodies;
    private final Clock clock;

    RecommendationController(RecommendationStore store, RecommendationAnalysis analysis, RoutingPolicy routingPolicy,
                             BoundedJson bodies, Clock clock) {
        this.store = store;
        this.analysis = analysis;
        this.routingPolicy = routingPolicy;
        this.bodies = bodies;
        this.clock = clock;
    }

    @GetMapping("/api/v1/recommendations")
    List<RecommendationView> list(@RequestParam(name = "use_case", required = false) String useCase,
                                  @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) String status) {
        List<FieldError> errors = new ArrayList<>();
        if (kind != null && Kind.fromWire(kind).isEmpty()) {
            errors.add(new FieldError("kind", "must be one of prompt_caching, cache_busting, model_routing, batch_api, "
                    + "conversation_summarization, document_prefilter"));
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return store.find(useCase, kind, status).stream().map(RecommendationView::of).toList();
    }

    @PostMapping("/api/v1/recommendations/{id}/status")
    @Transactional
    RecommendationView setStatus(@PathVariable long id, HttpServletRequest request) {
        RecommendationStore.Recommendation current = store.byId(id)
                .orElseThrow(() -> ApiException.notFound("There is no recommendation " + id + "."));
        List<FieldError> errors = new ArrayList<>();
        Optional<JsonFields> body = JsonFields.object(bodies.read(request), "", errors);
        String status = body.map(f -> f.optionalEnum("status", s -> Optional.of(s).filter(SETTABLE::contains), null,
                String.join(", ", SETTABLE))).orElse(null);
        String note = body.map(f -> f.optionalString("note", 2000)).orElse(null);
        if (status == null && errors.isEmpty()) {
            errors.add(new FieldError("status", "is required"));
        }
        if ("dismissed".equals(status) && note == null) {
            errors.add(new FieldError("note", "is required when dismissing: say why"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        store.setStatus(id, status, note, "implemented".equals(status) ? clock.instant() : null);
        if ("implemented".equals(status)) {
            analysis.measureImplemented(clock.instant());
        }
        return RecommendationView.of(store.byId(current.id()).orElseThrow());
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
