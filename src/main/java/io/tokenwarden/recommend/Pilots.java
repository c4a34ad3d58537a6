package io.tokenwarden.recommend;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pilots: a model_routing or prompt_caching recommendation served to a share of its use case's gateway traffic
 * and measured against the rest as a randomized experiment. The gateway reads {@link #active()}.
 */
@Service
public class Pilots {

    private final JdbcClient jdbc;
    private final RecommendationStore store;
    private final ArmComparison comparison;
    private final PriceCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    Pilots(
            JdbcClient jdbc,
            RecommendationStore store,
            ArmComparison comparison,
            PriceCatalog catalog,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.comparison = comparison;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** Pilots with a share above zero. */
    public List<Pilot> active() {
        return jdbc.sql("SELECT * FROM pilot WHERE share > 0 ORDER BY recommendation_id")
                .query(Pilots::row)
                .list();
    }

    /** Adds the calls of a pilot's arm that the upstream refused (they record no event). */
    public void countErrors(long recommendationId, String arm, long errors) {
        jdbc.sql("""
                        INSERT INTO pilot_error AS e (recommendation_id, arm, errors) VALUES (?, ?, ?)
                        ON CONFLICT (recommendation_id, arm) DO UPDATE SET errors = e.errors + excluded.errors""").params(recommendationId, arm, errors).update();
    }

    /** Starts, widens, narrows or (share 0) stops the pilot of a recommendation; audited. */
    @Transactional
    public RecommendationView setShare(long recommendationId, BigDecimal share, String actor) {
        RecommendationStore.Recommendation r = store.byId(recommendationId)
                .orElseThrow(() -> ApiException.notFound("no recommendation " + recommendationId));
        Optional<Pilot> before = find(recommendationId);
        if (before.isEmpty() && share.signum() == 0) {
            throw ApiException.badRequest(List.of(new FieldError("share", "there is no pilot to stop")));
        }
        Pilot planned = plan(r, share);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO pilot AS p (recommendation_id, use_case, kind, share, started_at, stopped_at, target_model,
                            task_types, cache_ttl, updated_at)
                        VALUES (:id, :useCase, :kind, :share, :now, NULL, :target, :taskTypes, :ttl, :now)
                        ON CONFLICT (recommendation_id) DO UPDATE SET share = excluded.share, updated_at = excluded.updated_at,
                            stopped_at = CASE WHEN excluded.share = 0 THEN excluded.updated_at END""")
                .param("id", recommendationId)
                .param("useCase", r.useCase())
                .param("kind", r.kind())
                .param("share", share)
                .param("now", Timestamp.from(now))
                .param("target", planned.targetModel())
                .param(
                        "taskTypes",
                        planned.taskTypes() == null ? null : planned.taskTypes().toArray(String[]::new))
                .param("ttl", planned.cacheTtl())
                .update();
        if ("open".equals(r.status())) {
            store.setStatus(recommendationId, "accepted", null, null);
        }
        audit.record(
                actor,
                share.signum() == 0 ? "pilot.stop" : before.isEmpty() ? "pilot.start" : "pilot.share",
                "recommendation " + recommendationId + " (" + r.useCase() + ", " + r.kind() + ")",
                before.map(p -> Map.of("share", p.share())).orElse(null),
                Map.of("share", share));
        return RecommendationView.of(
                store.byId(recommendationId).orElseThrow(),
                view(recommendationId).orElse(null));
    }

    /**
     * Saves each pilot's arm comparison as its recommendation's measurement (method "experiment"): where a pilot
     * ran, it replaces the before/after comparison. Returns the recommendations so measured.
     */
    java.util.Set<Long> measureAll() {
        java.util.Set<Long> measured = new java.util.HashSet<>();
        for (Pilot p : jdbc.sql("SELECT * FROM pilot").query(Pilots::row).list()) {
            ArmComparison.Result result = comparison.compare(p, clock.instant());
            Map<String, Object> measurement = new LinkedHashMap<>();
            measurement.put("method", Measurement.EXPERIMENT);
            measurement.put("share", p.share());
            measurement.put("started_at", p.startedAt().toString());
            measurement.put("arms", result.arms());
            measurement.put("difference", result.difference());
            store.saveMeasurement(p.recommendationId(), result.realizedMonthlySavings(), measurement);
            measured.add(p.recommendationId());
        }
        return measured;
    }

    Optional<Pilot> find(long recommendationId) {
        return jdbc.sql("SELECT * FROM pilot WHERE recommendation_id = ?")
                .param(recommendationId)
                .query(Pilots::row)
                .optional();
    }

    /** API-next's {@code pilot}: share, started_at, stopped_at, the arms and their difference. */
    Optional<Map<String, Object>> view(long recommendationId) {
        return find(recommendationId).map(this::view);
    }

    /** The pilots of these recommendations, by recommendation id, read in one query (those without one are absent). */
    Map<Long, Map<String, Object>> views(java.util.Collection<Long> recommendationIds) {
        Map<Long, Map<String, Object>> views = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM pilot WHERE recommendation_id = ANY(?)")
                .param(recommendationIds.toArray(Long[]::new))
                .query(Pilots::row)
                .list()
                .forEach(p -> views.put(p.recommendationId(), view(p)));
        return views;
    }

    private Map<String, Object> view(Pilot p) {
        ArmComparison.Result result = comparison.compare(p, clock.instant());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("share", p.share());
        view.put("started_at", p.startedAt());
        view.put("target_model", p.targetModel());
        view.put("task_types", p.taskTypes());
        view.put("cache_ttl", p.cacheTtl());
        view.put("arms", result.arms());
        view.put("difference", result.difference());
        view.put("realized_monthly_savings_usd", io.tokenwarden.web.Money.format(result.realizedMonthlySavings()));
        return view;
    }

    private Pilot plan(RecommendationStore.Recommendation r, BigDecimal share) {
        Map<String, Object> assumptions = r.assumptions();
        if (Kind.MODEL_ROUTING.wireName().equals(r.kind())) {
            String target = String.valueOf(assumptions.get("target_model"));
            String tier = catalog.current().model(target).map(m -> m.tier()).orElse(null);
            boolean byTaskType =
                    String.valueOf(assumptions.get("task_tier_from")).contains("task_type");
            List<String> taskTypes = byTaskType && tier != null
                    ? TaskTiers.TIER_OF_TASK.entrySet().stream()
                            .filter(e -> e.getValue().equals(tier))
                            .map(Map.Entry::getKey)
                            .toList()
                    : null;
            return new Pilot(r.id(), r.useCase(), r.kind(), share, null, target, taskTypes, null);
        }
        if (Kind.PROMPT_CACHING.wireName().equals(r.kind())) {
            return new Pilot(
                    r.id(),
                    r.useCase(),
                    r.kind(),
                    share,
                    null,
                    null,
                    null,
                    "1h".equals(assumptions.get("ttl")) ? "1h" : "5m");
        }
        throw ApiException.badRequest(List.of(new FieldError(
                "id", "a pilot runs a model_routing or prompt_caching recommendation; this one is " + r.kind())));
    }

    private static Pilot row(ResultSet rs, int n) throws SQLException {
        Array taskTypes = rs.getArray("task_types");
        return new Pilot(
                rs.getLong("recommendation_id"),
                rs.getString("use_case"),
                rs.getString("kind"),
                rs.getBigDecimal("share"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getString("target_model"),
                taskTypes == null ? null : Arrays.asList((String[]) taskTypes.getArray()),
                rs.getString("cache_ttl"));
    }
}
