package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.Workload.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Routing, batch, summarization and pre-filtering on hand-built workloads. Prices per million:
 * opus-4-6 5 / 25, sonnet-4-6 3 / 15, haiku-4-5 1 / 5 (input / output).
 */
class WorkloadDetectorsTest {

    private final ModelRoutingDetector routing = new ModelRoutingDetector();
    private final BatchApiDetector batch = new BatchApiDetector();
    private final ConversationSummarizationDetector summarization = new ConversationSummarizationDetector();
    private final DocumentPrefilterDetector prefilter = new DocumentPrefilterDetector();

    @Test
    void classificationOnOpusRoutesToHaikuWithHighConfidence() {
        UseCaseWindow window = Workload.of()
                .repeat(10, 60, event("claude-opus-4-6").task("classification"))
                .window();

        Finding finding = routing.detect(window).orElseThrow();

        // 10 x (1,000 x 5 + 100 x 25) = 0.075 now; 10 x (1,000 x 1 + 100 x 5) = 0.015 on Haiku
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.06");
        assertThat(finding.confidence()).isEqualTo("high");
        assertThat(finding.assumptions()).containsEntry("target_model", "claude-haiku-4-5-20251001");
        assertThat(finding.howTo()).contains("classification").contains("10%");
    }

    @Test
    void theUseCaseDefaultTaskTypeGivesMediumConfidence() {
        UseCaseWindow window = Workload.of()
                .settings(null, "extraction")
                .repeat(10, 60, event("claude-sonnet-4-6"))
                .window();

        Finding finding = routing.detect(window).orElseThrow();

        // 10 x (3,000 + 1,500) = 0.045 now; 0.015 on Haiku
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.03");
        assertThat(finding.confidence()).isEqualTo("medium");
    }

    @Test
    void withoutTaskTypesShortCallsAreHaikuWorkWithLowConfidence() {
        UseCaseWindow window = Workload.of()
                .repeat(10, 60, event("claude-sonnet-4-6").tokens(5000, 32))
                .window();

        Finding finding = routing.detect(window).orElseThrow();

        // per call (5,000 x 3 + 32 x 15) - (5,000 x 1 + 32 x 5) = 0.01548 - 0.00516 = 0.01032
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.1032");
        assertThat(finding.confidence()).isEqualTo("low");
    }

    @Test
    void routingNearMisses() {
        assertThat(routing.detect(Workload.of()
                        .repeat(10, 60, event("claude-sonnet-4-6").tokens(5000, 33))
                        .window()))
                .as("median output 33 is not short")
                .isEmpty();
        assertThat(routing.detect(Workload.of()
                        .repeat(10, 60, event("claude-sonnet-4-6").task("drafting"))
                        .window()))
                .as("drafting belongs on Sonnet")
                .isEmpty();
    }

    @Test
    void backgroundWorkOffTheBatchApiSavesHalfItsTokenCost() {
        UseCaseWindow window = Workload.of()
                .repeat(10, 60, event("claude-sonnet-4-6").latency("background"))
                .add(event("claude-sonnet-4-6").latency("background").batch())
                .window();

        Finding finding = batch.detect(window).orElseThrow();

        // 10 x (3,000 + 1,500) / 2; the call already on batch saves nothing
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.0225");
        assertThat(finding.confidence()).isEqualTo("high");
        assertThat(finding.evidence()).containsEntry("batchable_events", 10);
    }

    @Test
    void interactiveUseCasesAreNotBatchCandidates() {
        UseCaseWindow window = Workload.of()
                .settings("interactive", null)
                .repeat(10, 60, event("claude-sonnet-4-6"))
                .window();

        assertThat(batch.detect(window)).isEmpty();
    }

    @Test
    void nightlyTrafficWithoutLatencyClassIsALowConfidenceCandidate() {
        Workload nightly = Workload.of();
        Workload mostlyNightly = Workload.of();
        for (int i = 0; i < 20; i++) {
            Instant night = Instant.parse("2026-11-02T02:00:00Z").plusSeconds(i * 60L);
            nightly.add(
                    event("claude-sonnet-4-6").at(i == 0 ? night.plusSeconds(6 * 3600) : night)); // 19 of 20 at night
            mostlyNightly.add(event("claude-sonnet-4-6").at(i < 2 ? night.plusSeconds(6 * 3600) : night)); // 18 of 20
        }

        Finding finding = batch.detect(nightly.window()).orElseThrow();

        assertThat(finding.confidence()).isEqualTo("low");
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.045"); // 20 x 0.0045 / 2
        assertThat(batch.detect(mostlyNightly.window())).isEmpty();
    }

    @Test
    void conversationsPastSixTurnsAreSummarized() {
        Workload workload = Workload.of();
        for (int turn = 1; turn <= 8; turn++) { // total input 1,000 at turn 1, growing 2,000 a turn
            workload.add(event("claude-sonnet-4-6")
                    .tokens(1000 + 2000L * (turn - 1), 100)
                    .turn("c1", turn)
                    .at(Workload.START.plusSeconds(60L * turn)));
        }

        Finding finding = summarization.detect(workload.window()).orElseThrow();

        // history 12,000 (turn 7) and 14,000 (turn 8): 0.8 x 26,000 x 3 = 0.0624 saved;
        // the summary at turn 7 reads 12,000 on Haiku (0.012) and writes 2,400 (0.012)
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.0384");
        assertThat(finding.evidence()).containsEntry("summary_calls_cost_usd", "0.024000000000");
    }

    @Test
    void sixTurnsAreNotLong() {
        Workload workload = Workload.of();
        for (int turn = 1; turn <= 6; turn++) {
            workload.add(event("claude-sonnet-4-6")
                    .tokens(1000 + 20_000L * turn, 100)
                    .turn("c1", turn));
        }

        assertThat(summarization.detect(workload.window())).isEmpty();
    }

    @Test
    void wholeDocumentsWithShortAnswersArePrefiltered() {
        UseCaseWindow window = Workload.of()
                .repeat(5, 60, event("claude-sonnet-4-6").tokens(30_000, 300))
                .window();

        Finding finding = prefilter.detect(window).orElseThrow();

        // 0.8 x 5 x 30,000 x 3 = 0.8 x 0.45
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.36");
        assertThat(finding.confidence()).isEqualTo("medium");
    }

    @Test
    void prefilterNearMisses() {
        assertThat(prefilter.detect(Workload.of()
                        .repeat(5, 60, event("claude-sonnet-4-6").tokens(19_999, 100))
                        .window()))
                .as("median input under 20,000")
                .isEmpty();
        assertThat(prefilter.detect(Workload.of()
                        .repeat(5, 60, event("claude-sonnet-4-6").tokens(30_000, 601))
                        .window()))
                .as("answers over 2% of the input")
                .isEmpty();
    }

    @Test
    void monthlyFiguresScaleTheWindowToThirtyDays() {
        UseCaseWindow window = Workload.of()
                .repeat(10, 60, event("claude-opus-4-6").task("classification"))
                .window(28);

        // 0.06 in 28 days = 0.06 x 30 / 28
        assertThat(routing.detect(window).orElseThrow().monthlySavings()).isEqualByComparingTo("0.064285714286");
    }

    @Test
    void aWellRunUseCaseGetsNoRecommendation() {
        Workload workload = Workload.of().settings("interactive", null);
        for (int i = 0; i < 30; i++) {
            workload.add(event("claude-haiku-4-5-20251001")
                    .task("classification")
                    .latency("interactive")
                    .tokens(200, 20)
                    .cache(i == 0 ? 5000 : 0, i == 0 ? 0 : 5000)
                    .prefix("stable", 5000)
                    .turn("conv" + i / 3, 1 + i % 3)
                    .at(Workload.START.plusSeconds(60L * i)));
        }
        UseCaseWindow window = workload.window();

        for (Detector detector : java.util.List.of(
                new PromptCachingDetector(), new CacheBustingDetector(), routing, batch, summarization, prefilter)) {
            assertThat(detector.detect(window)).as(detector.kind().wireName()).isEmpty();
        }
    }
}
