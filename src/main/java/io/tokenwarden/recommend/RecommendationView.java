package io.tokenwarden.recommend;

import io.tokenwarden.web.UsdAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** API.md's recommendation; {@code note}, {@code measurement} and API-next's {@code pilot} (null: none) are added. */
public record RecommendationView(
        long id,
        String useCase,
        String kind,
        String title,
        String status,
        String confidence,
        @UsdAmount BigDecimal estimatedMonthlySavingsUsd,
        Map<String, Object> evidence,
        Map<String, Object> assumptions,
        String howTo,
        String note,
        Instant createdAt,
        Instant updatedAt,
        Instant implementedAt,
        @UsdAmount BigDecimal realizedMonthlySavingsUsd,
        Map<String, Object> measurement,
        Map<String, Object> pilot) {

    static RecommendationView of(RecommendationStore.Recommendation r, Map<String, Object> pilot) {
        return new RecommendationView(
                r.id(),
                r.useCase(),
                r.kind(),
                r.title(),
                r.status(),
                r.confidence(),
                r.estimatedMonthlySavings(),
                r.evidence(),
                r.assumptions(),
                r.howTo(),
                r.note(),
                r.createdAt(),
                r.updatedAt(),
                r.implementedAt(),
                r.realizedMonthlySavings(),
                r.measurement(),
                pilot);
    }
}
