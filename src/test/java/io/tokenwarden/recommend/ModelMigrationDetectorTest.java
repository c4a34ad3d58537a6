package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.Workload.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.pricing.TestCatalog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** model_migration on a slice of the December 2026 catalog; a 30-day window makes monthly = window figures. */
class ModelMigrationDetectorTest {

    private final ModelMigrationDetector detector = new ModelMigrationDetector();

    @Test
    void aRetiredModelMovesToItsTiersTargetPricedWithTheSameTokens() {
        UseCaseWindow window =
                Workload.of().repeat(10, 60, event("claude-sonnet-4-5")).window(30, TestCatalog.december2026());

        Finding finding = detector.detect(window).orElseThrow();

        // per event 1,000 x 3 + 100 x 15 = 4,500 per million now, 1,000 x 2 + 100 x 10 = 3,000 on Sonnet 5.5
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.015");
        assertThat(finding.assumptions())
                .containsEntry("target_model", "claude-sonnet-5-5")
                .containsEntry("from_model", "claude-sonnet-4-5-20250929");
        @SuppressWarnings("unchecked")
        Map<String, Object> retired = (Map<String, Object>)
                ((Map<String, Object>) finding.evidence().get("models")).get("claude-sonnet-4-5-20250929");
        assertThat(retired).containsEntry("retired_on", "2026-11-30").containsEntry("events", 10L);
        assertThat(finding.howTo()).contains("model=\"claude-sonnet-4-5-20250929\"   ->   model=\"claude-sonnet-5-5\"");
    }

    @Test
    void aCurrentButDearerModelMovesTooAndTheTargetItselfDoesNot() {
        UseCaseWindow window = Workload.of()
                .repeat(10, 60, event("claude-haiku-4-5-20251001"))
                .repeat(5, 60, event("claude-haiku-5-5"))
                .window(30, TestCatalog.december2026());

        Finding finding = detector.detect(window).orElseThrow();

        // 10 x (1,000 x 1 + 100 x 5 - (1,000 x 0.10 + 100 x 0.50)) = 10 x 1,350 per million
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.0135");
        assertThat(finding.evidence()).containsEntry("events", 10L);
        assertThat(detector.detect(Workload.of()
                        .repeat(10, 60, event("claude-sonnet-5-5"))
                        .window(30, TestCatalog.december2026())))
                .isEmpty();
    }

    @Test
    void routingAndMigrationOfTheSameTrafficCountTheLargerSavingOnly() {
        List<RecommendationView> views = List.of(
                view("a", "model_routing", "30"),
                view("a", "model_migration", "12"),
                view("a", "batch_api", "5"),
                view("b", "model_migration", "7"));

        assertThat(Recommendations.countedByUseCase(views))
                .containsEntry("a", new BigDecimal("35"))
                .containsEntry("b", new BigDecimal("7"));
    }

    private static RecommendationView view(String useCase, String kind, String saving) {
        return new RecommendationView(
                1,
                useCase,
                kind,
                "t",
                "open",
                "high",
                new BigDecimal(saving),
                Map.of(),
                Map.of(),
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
