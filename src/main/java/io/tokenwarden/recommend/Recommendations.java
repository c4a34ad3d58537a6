package io.tokenwarden.recommend;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recommendations as the API and the pages use them: listing, and the status changes people make. */
@Service
public class Recommendations {

    static final List<String> SETTABLE = List.of("accepted", "dismissed", "implemented");

    private final RecommendationStore store;
    private final RecommendationAnalysis analysis;
    private final Pilots pilots;
    private final Clock clock;

    Recommendations(RecommendationStore store, RecommendationAnalysis analysis, Pilots pilots, Clock clock) {
        this.store = store;
        this.analysis = analysis;
        this.pilots = pilots;
        this.clock = clock;
    }

    /** The use case a recommendation is about; empty when there is no such recommendation. */
    public java.util.Optional<String> useCaseOf(long id) {
        return store.byId(id).map(RecommendationStore.Recommendation::useCase);
    }

    public List<RecommendationView> list(String useCase, String kind, String status) {
        List<RecommendationStore.Recommendation> found = store.find(useCase, kind, status);
        Map<Long, Map<String, Object>> pilotViews = pilots.views(
                found.stream().map(RecommendationStore.Recommendation::id).toList());
        return found.stream()
                .map(r -> RecommendationView.of(r, pilotViews.get(r.id())))
                .toList();
    }

    private RecommendationView view(RecommendationStore.Recommendation r) {
        return RecommendationView.of(r, pilots.view(r.id()).orElse(null));
    }

    /** accepted, dismissed (a note is required) or implemented (dated now, and measured at once). */
    @Transactional
    public RecommendationView setStatus(long id, String status, String note) {
        store.byId(id).orElseThrow(() -> ApiException.notFound("There is no recommendation " + id + "."));
        List<FieldError> errors = new ArrayList<>();
        if (status == null || !SETTABLE.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", SETTABLE)));
        }
        if ("dismissed".equals(status) && (note == null || note.isBlank())) {
            errors.add(new FieldError("note", "is required when dismissing: say why"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        store.setStatus(
                id,
                status,
                note == null || note.isBlank() ? null : note,
                "implemented".equals(status) ? clock.instant() : null);
        if ("implemented".equals(status)) {
            analysis.measureImplemented(clock.instant());
        }
        return view(store.byId(id).orElseThrow());
    }

    /** Sum of the estimated monthly savings of open and accepted recommendations, overlaps counted once. */
    public BigDecimal openSavings() {
        List<RecommendationView> open = new java.util.ArrayList<>(list(null, null, "open"));
        open.addAll(list(null, null, "accepted"));
        return countedByUseCase(open).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Estimated monthly savings per use case. Routing and migration re-price the same traffic on another model,
     * so where a use case has both only the larger counts: adding them would promise money twice.
     */
    public static Map<String, BigDecimal> countedByUseCase(List<RecommendationView> views) {
        Map<String, BigDecimal> total = new java.util.TreeMap<>();
        Map<String, BigDecimal> modelChange = new java.util.TreeMap<>();
        for (RecommendationView v : views) {
            BigDecimal saving = v.estimatedMonthlySavingsUsd();
            boolean movesModel = Kind.MODEL_ROUTING.wireName().equals(v.kind())
                    || Kind.MODEL_MIGRATION.wireName().equals(v.kind());
            if (movesModel) {
                modelChange.merge(v.useCase(), saving, BigDecimal::max);
            } else {
                total.merge(v.useCase(), saving, BigDecimal::add);
            }
        }
        modelChange.forEach((useCase, saving) -> total.merge(useCase, saving, BigDecimal::add));
        return total;
    }

    /** Measured monthly savings: in all, and the part measured by a pilot's randomized arms. */
    public record Realized(BigDecimal total, BigDecimal byExperiment, int measured, int experiments) {}

    /**
     * The measured monthly savings of implemented recommendations and of pilots; a recommendation without a
     * measurement (no traffic yet on one side) counts nothing.
     */
    public Realized realizedSavings() {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal byExperiment = BigDecimal.ZERO;
        int measured = 0;
        int experiments = 0;
        for (RecommendationStore.Recommendation r : store.measured()) {
            total = total.add(r.realizedMonthlySavings());
            measured++;
            if (r.measurement() != null
                    && Measurement.EXPERIMENT.equals(r.measurement().get("method"))) {
                byExperiment = byExperiment.add(r.realizedMonthlySavings());
                experiments++;
            }
        }
        return new Realized(total, byExperiment, measured, experiments);
    }
}
