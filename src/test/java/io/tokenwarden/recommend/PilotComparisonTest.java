package io.tokenwarden.recommend;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The arm comparison on workloads whose answer is known: a pilot arm on Haiku 4.5 whose calls cost exactly 70% less
 * than the control's on Sonnet 4.6, with quality the same, and then with quality 0.15 lower.
 */
@IntegrationTest
class PilotComparisonTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecommendationAnalysis analysis;

    @Test
    void aCheaperArmWhoseQualityHeldSaysSoWithItsInterval() {
        JsonNode pilot = runPilot("pilot-held", 0.0);

        JsonNode difference = pilot.get("difference");
        // Sonnet 4.6: 3 x input + 15 x 100 per million; Haiku 4.5: 1 x input + 5 x 70; input 800..1,200, mean 1,000
        assertThat(pilot.at("/arms/control/cost_per_request_usd").asString()).startsWith("0.0045");
        assertThat(pilot.at("/arms/pilot/cost_per_request_usd").asString()).startsWith("0.00135");
        assertThat(difference.get("cost_per_request_change").decimalValue()).isEqualByComparingTo("-0.7000");
        assertThat(new java.math.BigDecimal(
                        difference.at("/cost_per_request_usd/ci95_high").asString()))
                .isNegative();
        assertThat(difference.get("quality").asString()).isEqualTo("held");
        assertThat(difference.at("/quality_score/ci95_low").decimalValue())
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("-0.02"));
        assertThat(difference.get("how_sure").asString()).contains("95% interval");
        assertThat(pilot.at("/arms/pilot/requests").asLong()).isEqualTo(200);
        assertThat(pilot.at("/arms/control/mean_quality_score").decimalValue()).isEqualByComparingTo("0.9000");
    }

    @Test
    void aCheaperArmWhoseQualityDroppedSaysThat() {
        JsonNode pilot = runPilot("pilot-dropped", 0.15);

        assertThat(pilot.at("/difference/quality").asString()).isEqualTo("dropped");
        assertThat(pilot.at("/difference/quality_score/estimate").decimalValue())
                .isEqualByComparingTo("-0.1500");
        assertThat(pilot.at("/difference/quality_score/ci95_high").decimalValue())
                .isNegative();
        assertThat(pilot.at("/arms/pilot/mean_quality_score").decimalValue()).isEqualByComparingTo("0.7500");
    }

    @Test
    void theExperimentIsTheRecommendationsMeasurementAndCountsAsRealizedSavings() {
        runPilot("pilot-measured", 0.0);
        analysis.measureImplemented(java.time.Instant.now());

        JsonNode listed = api.getAsAdmin("/api/v1/recommendations?use_case=pilot-measured")
                .json()
                .get(0);
        assertThat(listed.at("/measurement/method").asString()).isEqualTo("experiment");
        // 200 pilot calls in (at least) a day, each 0.00315 cheaper: 0.63 a day, 18.90 over 30 days
        assertThat(new java.math.BigDecimal(
                        listed.get("realized_monthly_savings_usd").asString()))
                .isEqualByComparingTo("18.90");
    }

    private JsonNode runPilot(String useCase, double qualityDrop) {
        long id = jdbc.sql("""
                        INSERT INTO recommendation (use_case, kind, title, status, confidence, estimated_monthly_savings,
                            evidence, assumptions, how_to)
                        VALUES (?, 'model_routing', 'Route', 'open', 'high', 100, '{}'::jsonb,
                            '{"target_model": "claude-haiku-4-5", "task_tier_from": "task_type"}'::jsonb, 'how') RETURNING id""").param(useCase).query(Long.class).single();
        assertThat(api.postAsAdmin("/api/v1/recommendations/" + id + "/pilot", "{\"share\": 0.5}")
                        .status())
                .isEqualTo(200);
        Api.NewApp app = api.newApp();
        List<Events> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int input = 1000 + (i % 5 - 2) * 100;
            double quality = 0.85 + (i % 2) * 0.10;
            events.add(call(useCase, id, "control", "claude-sonnet-4-6", input, 100, quality));
            events.add(call(useCase, id, "pilot", "claude-haiku-4-5", input, 70, quality - qualityDrop));
        }
        api.ingestAll(app.apiKey(), events);
        return api.getAsAdmin("/api/v1/recommendations?use_case=" + useCase)
                .json()
                .get(0)
                .get("pilot");
    }

    private static Events call(
            String useCase, long pilot, String arm, String model, int input, int output, double quality) {
        return event(UUID.randomUUID().toString())
                .with("use_case", useCase)
                .with("model", model)
                .with("occurred_at", java.time.Instant.now().minusSeconds(60).toString())
                .usage("input_tokens", input)
                .usage("output_tokens", output)
                .with("quality_score", new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.2f", quality)))
                .with("tags", Map.of("tw_pilot", Long.toString(pilot), "tw_arm", arm));
    }
}
