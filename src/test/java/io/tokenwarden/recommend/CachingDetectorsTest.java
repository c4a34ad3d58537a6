package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.Workload.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** claude-sonnet-4-6: input $3, 5m write $3.75, 1h write $6, read $0.30 per million; minimum 1,024 tokens. */
class CachingDetectorsTest {

    private final PromptCachingDetector caching = new PromptCachingDetector();
    private final CacheBustingDetector busting = new CacheBustingDetector();

    @Test
    void aRepeatedPrefixWithoutCachingSavesWithTheFiveMinuteTtl() {
        // 10 calls a minute apart with the same 4,000-token prefix: 1 write and 9 hits
        UseCaseWindow window = Workload.of()
                .repeat(10, 60, event("claude-sonnet-4-6").prefix("p1", 4000))
                .window();

        Finding finding = caching.detect(window).orElseThrow();

        // current 10 x 4,000 x 3 = 0.12; projected 4,000 x 3.75 + 9 x 4,000 x 0.30 = 0.015 + 0.0108
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.0942");
        assertThat(finding.assumptions()).containsEntry("ttl", "5m");
        assertThat(finding.evidence()).containsEntry("simulated_hits", 9L).containsEntry("simulated_writes", 1L);
        assertThat(finding.howTo()).contains("\"cache_control\": {\"type\": \"ephemeral\"}");
    }

    @Test
    void callsTwentyMinutesApartAreCheaperWithTheOneHourTtl() {
        UseCaseWindow window = Workload.of()
                .repeat(10, 1200, event("claude-sonnet-4-6").prefix("p1", 4000))
                .window();

        Finding finding = caching.detect(window).orElseThrow();

        // 5m: 10 writes = 0.15, more than today's 0.12; 1h: 4,000 x 6 + 9 x 4,000 x 0.30 = 0.024 + 0.0108
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.0852");
        assertThat(finding.assumptions()).containsEntry("ttl", "1h");
        assertThat(finding.howTo()).contains("\"ttl\": \"1h\"");
    }

    @Test
    void theFiveMinuteTtlHitsAt300SecondsAndMissesAt301() {
        UseCaseWindow window = Workload.of().window();
        List<WindowEvent> at300 = Workload.of()
                .repeat(3, 300, event("claude-sonnet-4-6").prefix("p", 2000))
                .window()
                .events();
        List<WindowEvent> at301 = Workload.of()
                .repeat(3, 301, event("claude-sonnet-4-6").prefix("p", 2000))
                .window()
                .events();

        assertThat(CacheSimulation.simulate(window, at300, WindowEvent::prefixHash, CacheSimulation.Ttl.FIVE_MINUTES)
                        .hits())
                .isEqualTo(2);
        assertThat(CacheSimulation.simulate(window, at301, WindowEvent::prefixHash, CacheSimulation.Ttl.FIVE_MINUTES)
                        .hits())
                .isZero();
    }

    @Test
    void aPrefixOneTokenBelowTheMinimumIsNotCacheable() {
        UseCaseWindow window = Workload.of()
                .repeat(10, 60, event("claude-sonnet-4-6").prefix("p1", 1023))
                .window();

        assertThat(caching.detect(window)).isEmpty();
    }

    @Test
    void aPrefixThatChangesEveryCallIsCacheBusting() {
        Workload workload = Workload.of();
        for (int i = 0; i < 20; i++) {
            workload.add(event("claude-sonnet-4-6").prefix("p" + i, 2000).at(Workload.START.plusSeconds(60L * i)));
        }

        Finding finding = busting.detect(workload.window()).orElseThrow();

        // billed 20 x 2,000 x 3 = 0.12; one shared prefix: 2,000 x 3.75 + 19 x 2,000 x 0.30 = 0.0075 + 0.0114
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.1011");
        assertThat(finding.evidence()).containsEntry("distinct_prefixes", 20L);
        assertThat(caching.detect(workload.window()))
                .as("no repeat, so nothing to cache as is")
                .isEmpty();
    }

    @Test
    void cacheWritesThatAreNeverReadAreCacheBusting() {
        Workload workload = Workload.of();
        for (int i = 0; i < 20; i++) {
            workload.add(event("claude-sonnet-4-6").cache(2000, 0).at(Workload.START.plusSeconds(60L * i)));
        }

        Finding finding = busting.detect(workload.window()).orElseThrow();

        // billed 20 writes x 2,000 x 3.75 = 0.15; shared: 0.0075 + 0.0114
        assertThat(finding.monthlySavings()).isEqualByComparingTo("0.1311");
        assertThat(finding.evidence()).containsEntry("trigger", "cache written but never read");
    }

    @Test
    void gatewayTrafficShowsInterpolatedValuesByTheirOffsetsAndWhereItsPrefixSizesCameFrom() {
        Workload busted = Workload.of();
        Workload uncached = Workload.of();
        for (int i = 0; i < 20; i++) {
            // the raw system prompt differs every call (a timestamp at offset 38, an id at 120); masked, it is one
            // prompt
            busted.add(event("claude-sonnet-4-6")
                    .prefix("p" + i, 2000)
                    .at(Workload.START.plusSeconds(60L * i))
                    .gateway("estimated", "raw" + i, "masked", "38,120"));
            uncached.add(event("claude-sonnet-4-6")
                    .prefix("p", 2000)
                    .at(Workload.START.plusSeconds(60L * i))
                    .gateway(i < 15 ? "estimated" : null, "raw", "masked", null));
        }

        assertThat(busting.detect(busted.window()).orElseThrow().evidence())
                .containsEntry(
                        "interpolated_values",
                        "the system prompt takes 20 forms, 1 once digits, dates, UUIDs and e-mail addresses are masked: "
                                + "values are interpolated at character offsets 38, 120");
        assertThat(busting.detect(uncached.window())).isEmpty();
        assertThat(caching.detect(uncached.window()).orElseThrow().evidence())
                .containsEntry(
                        "prefix_tokens",
                        "5 sent by the app; 15 estimated by the gateway from the prefix's share of the request's characters");
    }

    @Test
    void anthropicsCacheDiagnosticsNameTheReasonAndPriceTheMissedTokens() {
        Workload workload = Workload.of();
        for (int i = 0; i < 25; i++) {
            // 24 of 25 calls: the system prompt changed, 4,100 tokens missed; the prefix hash alone looks stable
            workload.add(event("claude-sonnet-4-6")
                    .prefix("p", 4100)
                    .cache(4100, 0)
                    .at(Workload.START.plusSeconds(60L * i))
                    .missed(i == 0 ? "previous_message_not_found" : "system_changed", i == 0 ? 0 : 4100));
        }

        Finding finding = busting.detect(workload.window()).orElseThrow();

        // 24 x 4,100 tokens at $3 instead of $0.30 per million: 24 x 4,100 x 2.70 = 265,680 per million
        assertThat(finding.evidence())
                .containsEntry(
                        "cache_miss_reasons",
                        "system prompt changed on 96% of calls; "
                                + "4100 tokens missed per call; $0.27 paid as uncached input over the window, at the models' rates "
                                + "(Anthropic's cache diagnostics on 25 calls)");
        assertThat(CacheMisses.of(workload.window(), workload.window().events()).missedCost())
                .isEqualByComparingTo("0.26568");
    }

    @Test
    void nineteenChangingPrefixesAreTooFewToCall() {
        Workload workload = Workload.of();
        for (int i = 0; i < 19; i++) {
            workload.add(event("claude-sonnet-4-6")
                    .prefix("p" + i, 2000)
                    .at(Instant.parse("2026-11-02T09:00:00Z").plusSeconds(i)));
        }

        assertThat(busting.detect(workload.window())).isEmpty();
    }
}
