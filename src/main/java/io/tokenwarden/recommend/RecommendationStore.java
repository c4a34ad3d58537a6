package io.tokenwarden.recommend;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recommendations keyed by (use case, kind): a run updates each in place and keeps its status.
 * An open or accepted one whose condition is gone becomes resolved; a dismissed one comes back
 * only when its saving has doubled since it was dismissed.
 */
@Component
class RecommendationStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecommendationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Applies one use case's findings; returns how many recommendations are open after it. */
    void apply(String useCase, List<Finding> findings) {
        Set<String> found = findings.stream().map(f -> f.kind().wireName()).collect(Collectors.toSet());
        for (Finding finding : findings) {
            upsert(useCase, finding);
        }
        jdbc.sql("""
                        UPDATE recommendation SET status = 'resolved', updated_at = now()
                        WHERE use_case = ? AND status IN ('open', 'accepted') AND NOT (kind = ANY(?))""").params(useCase, found.toArray(String[]::new)).update();
    }

    /** Use cases with no event in the window: nothing of theirs holds any more. */
    void resolveAllExcept(List<String> activeUseCases) {
        jdbc.sql("""
                        UPDATE recommendation SET status = 'resolved', updated_at = now()
                        WHERE status IN ('open', 'accepted') AND NOT (use_case = ANY(?))""").param(activeUseCases.toArray(String[]::new)).update();
    }

    private void upsert(String useCase, Finding f) {
        jdbc.sql("""
                        INSERT INTO recommendation AS r (use_case, kind, title, status, confidence, estimated_monthly_savings,
                            evidence, assumptions, how_to)
                        VALUES (:useCase, :kind, :title, 'open', :confidence, :saving, :evidence::jsonb, :assumptions::jsonb, :howTo)
                        ON CONFLICT (use_case, kind) DO UPDATE SET title = excluded.title, confidence = excluded.confidence,
                            estimated_monthly_savings = excluded.estimated_monthly_savings, evidence = excluded.evidence,
                            assumptions = excluded.assumptions, how_to = excluded.how_to, updated_at = now(),
                            status = CASE
                                WHEN r.status = 'resolved' THEN 'open'
                                WHEN r.status = 'dismissed' AND excluded.estimated_monthly_savings >= 2 * r.dismissed_savings
                                    THEN 'open'
                                ELSE r.status END""")
                .param("useCase", useCase)
                .param("kind", f.kind().wireName())
                .param("title", f.title())
                .param("confidence", f.confidence())
                .param("saving", f.monthlySavings())
                .param("evidence", json.writeValueAsString(f.evidence()))
                .param("assumptions", json.writeValueAsString(f.assumptions()))
                .param("howTo", f.howTo())
                .update();
    }

    List<Recommendation> find(String useCase, String kind, String status) {
        return jdbc.sql("""
                        SELECT * FROM recommendation
                        WHERE (:useCase::text IS NULL OR use_case = :useCase) AND (:kind::text IS NULL OR kind = :kind)
                          AND (:status::text IS NULL OR status = :status)
                        ORDER BY estimated_monthly_savings DESC, id""")
                .param("useCase", useCase)
                .param("kind", kind)
                .param("status", status)
                .query(this::row)
                .list();
    }

    Optional<Recommendation> byId(long id) {
        return jdbc.sql("SELECT * FROM recommendation WHERE id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    void setStatus(long id, String status, String note, Instant implementedAt) {
        jdbc.sql("""
                        UPDATE recommendation SET status = :status, note = coalesce(:note, note), updated_at = now(),
                            dismissed_savings = CASE WHEN :status = 'dismissed' THEN estimated_monthly_savings
                                                     ELSE dismissed_savings END,
                            implemented_at = CASE WHEN :status = 'implemented' THEN :at ELSE implemented_at END
                        WHERE id = :id""")
                .param("status", status)
                .param("note", note)
                .param("id", id)
                .param("at", implementedAt == null ? null : java.sql.Timestamp.from(implementedAt))
                .update();
    }

    void saveMeasurement(long id, Measurement measurement) {
        saveMeasurement(id, measurement.realizedMonthlySavings(), measurement);
    }

    /** A measurement (before/after or a pilot's experiment) and the monthly saving it realized (null: not yet known). */
    void saveMeasurement(long id, java.math.BigDecimal realized, Object measurement) {
        jdbc.sql("UPDATE recommendation SET realized_monthly_savings = ?, measurement = ?::jsonb WHERE id = ?")
                .params(realized, json.writeValueAsString(measurement), id)
                .update();
    }

    List<Recommendation> implemented() {
        return find(null, null, "implemented");
    }

    /** Recommendations whose realized saving has been measured (implemented ones, or ones with a pilot). */
    List<Recommendation> measured() {
        return jdbc.sql("SELECT * FROM recommendation WHERE realized_monthly_savings IS NOT NULL ORDER BY id")
                .query(this::row)
                .list();
    }

    private Recommendation row(ResultSet rs, int n) throws SQLException {
        String measurement = rs.getString("measurement");
        return new Recommendation(
                rs.getLong("id"),
                rs.getString("use_case"),
                rs.getString("kind"),
                rs.getString("title"),
                rs.getString("status"),
                rs.getString("confidence"),
                rs.getBigDecimal("estimated_monthly_savings"),
                json.readValue(rs.getString("evidence"), MAP),
                json.readValue(rs.getString("assumptions"), MAP),
                rs.getString("how_to"),
                rs.getString("note"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "implemented_at"),
                rs.getBigDecimal("realized_monthly_savings"),
                measurement == null ? null : json.readValue(measurement, MAP));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A stored recommendation. */
    record Recommendation(
            long id,
            String useCase,
            String kind,
            String title,
            String status,
            String confidence,
            BigDecimal estimatedMonthlySavings,
            Map<String, Object> evidence,
            Map<String, Object> assumptions,
            String howTo,
            String note,
            Instant createdAt,
            Instant updatedAt,
            Instant implementedAt,
            BigDecimal realizedMonthlySavings,
            Map<String, Object> measurement) {}
}
