package io.tokenwarden.recommend;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RecommendationLifecycleTest {

    @Autowired
    RecommendationStore store;

    @Autowired
    SavingsMeasurer measurer;

    @Autowired
    Api api;

    @Test
    void aRecommendationKeepsItsStatusAcrossRunsAndIsResolvedWhenItNoLongerHolds() {
        String useCase = unique();
        store.apply(useCase, List.of(finding("10")));
        long id = only(useCase).id();
        assertThat(only(useCase).status()).isEqualTo("open");

        store.setStatus(id, "accepted", null, null);
        store.apply(useCase, List.of(finding("12")));
        assertThat(only(useCase).status()).isEqualTo("accepted");
        assertThat(only(useCase).estimatedMonthlySavings()).isEqualByComparingTo("12");
        assertThat(only(useCase).id()).isEqualTo(id);

        store.apply(useCase, List.of());
        assertThat(only(useCase).status()).isEqualTo("resolved");
        store.apply(useCase, List.of(finding("12")));
        assertThat(only(useCase).status()).isEqualTo("open");
    }

    @Test
    void aDismissedRecommendationComesBackOnlyWhenItsSavingDoubles() {
        String useCase = unique();
        store.apply(useCase, List.of(finding("10")));
        store.setStatus(only(useCase).id(), "dismissed", "we need Opus for tone", null);

        store.apply(useCase, List.of(finding("19.99")));
        assertThat(only(useCase).status()).isEqualTo("dismissed");
        store.apply(useCase, List.of());
        assertThat(only(useCase).status())
                .as("dismissed is never auto-resolved")
                .isEqualTo("dismissed");
        store.apply(useCase, List.of(finding("20")));
        assertThat(only(useCase).status()).isEqualTo("open");
        assertThat(only(useCase).note()).isEqualTo("we need Opus for tone");
    }

    @Test
    void measurementComparesTheFourteenDaysBeforeAndAfter() {
        String useCase = unique();
        Instant implemented = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<Events> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // before: Opus, 1,000 x 5 + 100 x 25 = 0.0075 each
            events.add(event("b" + i)
                    .with("use_case", useCase)
                    .with("model", "claude-opus-4-6")
                    .with("occurred_at", implemented.minus(5, ChronoUnit.DAYS).toString())
                    .with("quality_score", 0.9));
        }
        for (int i = 0; i < 14; i++) { // after: Haiku, 1,000 x 1 + 100 x 5 = 0.0015 each
            events.add(event("a" + i)
                    .with("use_case", useCase)
                    .with("model", "claude-haiku-4-5")
                    .with("occurred_at", implemented.plus(3, ChronoUnit.DAYS).toString())
                    .with("quality_score", 0.89));
        }
        events.add(event("late")
                .with("use_case", useCase)
                .with("model", "claude-haiku-4-5")
                .with("occurred_at", implemented.plus(15, ChronoUnit.DAYS).toString())); // outside the 14 days
        api.ingestAll(api.newApp().apiKey(), events);

        Measurement measurement = measurer.measure(useCase, implemented, Instant.now());

        assertThat(measurement.before().requests()).isEqualTo(10);
        assertThat(measurement.after().requests()).isEqualTo(14);
        assertThat(measurement.before().costPerRequestUsd()).isEqualTo("0.007500000000");
        assertThat(measurement.after().costPerRequestUsd()).isEqualTo("0.001500000000");
        // (0.0075 - 0.0015) x 14 requests in 14 days, scaled to 30 days
        assertThat(measurement.realizedMonthlySavings()).isEqualByComparingTo("0.18");
        assertThat(measurement.quality()).isEqualTo("held"); // 0.90 to 0.89 is within 0.02
    }

    private RecommendationStore.Recommendation only(String useCase) {
        List<RecommendationStore.Recommendation> found = store.find(useCase, null, null);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Finding finding(String saving) {
        return new Finding(
                Kind.MODEL_ROUTING,
                "Route it",
                "high",
                new BigDecimal(saving),
                Map.of("events", 1),
                Map.of("target_model", "claude-haiku-4-5-20251001"),
                "how");
    }

    private static String unique() {
        return "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
