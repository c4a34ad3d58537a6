package io.tokenwarden.recommend;

import io.tokenwarden.web.Money;
import java.time.Instant;
import java.util.Map;

/** API.md's recommendation; {@code note} and {@code measurement} are added. */
public record RecommendationView(long id, String useCase, String kind, String title, String status, String confidence,
                          String estimatedMonthlySavingsUsd, Map<String, Object> evidence,
                          Map<String, Object> assumptions, String howTo, String note, Instant createdAt,
                          Instant updatedAt, Instant implementedAt, String realizedMonthlySavingsUsd,
                          Map<String, Object> measurement) {

    static RecommendationView of(RecommendationStore.Recommendation r) {
        return new RecommendationView(r.id(), r.useCase(), r.kind(), r.title(), r.status(), r.confidence(),
                Money.format(r.estimatedMonthlySavings()), r.evidence(), r.assumptions(), r.howTo(), r.note(),
                r.createdAt(), r.updatedAt(), r.implementedAt(), Money.format(r.realizedMonthlySavings()), r.measurement());
    }
}
