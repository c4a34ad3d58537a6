package io.tokenwarden.analytics;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feature page's figures for one use case: from the rollups, medians from the latest raw events.
 * Uses June and July 2024, which no other test writes to.
 */
@IntegrationTest
class FeatureStatsTest {

    @Autowired
    Api api;

    @Autowired
    Reports reports;

    @Autowired
    RollupJob rollupJob;

    @Test
    void daysModelsTokensCacheHitRateAndMedians() {
        String useCase = "feature-" + UUID.randomUUID().toString().substring(0, 8);
        api.ingestAll(
                api.newApp().apiKey(),
                List.of(
                        // sonnet-4-6: 1,000 x 3 + 100 x 15 = $0.0045
                        event("f1")
                                .with("use_case", useCase)
                                .with("model", "claude-sonnet-4-6")
                                .with("occurred_at", "2024-06-01T08:00:00Z"),
                        // sonnet-4-6: 3,000 x 3 + 1,000 x 0.30 + 300 x 15 = $0.0138
                        event("f2")
                                .with("use_case", useCase)
                                .with("model", "claude-sonnet-4-6")
                                .with("occurred_at", "2024-06-01T09:00:00Z")
                                .usage("input_tokens", 3000)
                                .usage("cache_read_input_tokens", 1000)
                                .usage("output_tokens", 300),
                        // haiku-4-5: 5,000 x 1 + 50 x 5 = $0.00525
                        event("f3")
                                .with("use_case", useCase)
                                .with("model", "claude-haiku-4-5")
                                .with("occurred_at", "2024-06-02T09:00:00Z")
                                .usage("input_tokens", 5000)
                                .usage("output_tokens", 50)));
        rollupJob.catchUp(Duration.ofSeconds(30));

        FeatureStats stats = reports.feature(useCase, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));

        assertThat(stats.days())
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(List.of(
                        new FeatureStats.Day("2024-06-01", 2, new BigDecimal("0.0183")),
                        new FeatureStats.Day("2024-06-02", 1, new BigDecimal("0.00525"))));
        assertThat(stats.models())
                .extracting(FeatureStats.ModelShare::model)
                .containsExactly("claude-sonnet-4-6", "claude-haiku-4-5-20251001"); // the alias resolved
        assertThat(stats.tokens()).isEqualTo(new FeatureStats.Tokens(9000, 0, 1000, 450));
        assertThat(stats.cacheHitRate()).isEqualByComparingTo("0.1"); // 1,000 of 10,000 input tokens
        assertThat(stats.medianInputTokens()).isEqualByComparingTo("4000"); // of 1,000, 4,000 and 5,000
        assertThat(stats.medianOutputTokens()).isEqualByComparingTo("100");
    }

    @Test
    void mediansAreOfTheLatestRequestsOfThePeriod() {
        String useCase = "feature-recent-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.parse("2024-07-01T00:00:00Z");
        List<Events> events = new ArrayList<>();
        int older = FeatureStats.MEDIAN_SAMPLE + 100; // most of the month: large documents
        for (int i = 0; i < older + FeatureStats.MEDIAN_SAMPLE; i++) {
            boolean recent = i >= older; // then the prompts became short
            events.add(event("m" + i)
                    .with("use_case", useCase)
                    .with("occurred_at", start.plusSeconds(60L * i).toString())
                    .usage("input_tokens", recent ? 100 : 90_000)
                    .usage("output_tokens", recent ? 10 : 500));
        }
        api.ingestAll(api.newApp().apiKey(), events);

        FeatureStats stats = reports.feature(useCase, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31));

        assertThat(stats.medianInputTokens()).isEqualByComparingTo("100");
        assertThat(stats.medianOutputTokens()).isEqualByComparingTo("10");
    }
}
