package io.tokenwarden.pricing;

import static io.tokenwarden.pricing.Usages.cached;
import static io.tokenwarden.pricing.Usages.usage;
import static io.tokenwarden.pricing.Usages.webSearch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Golden vectors priced with the catalog as the seed migration stores it. Every expected value is
 * worked out by hand in the comment above it (dollars per million tokens from DESIGN.md).
 */
@IntegrationTest
class SeedCatalogPricingTest {

    private static final Instant NOV_2026 = Instant.parse("2026-11-02T10:00:00Z");

    @Autowired
    PriceCatalog catalog;

    CatalogSnapshot prices;

    @BeforeEach
    void load() {
        prices = catalog.current();
    }

    @Test
    void liteLlmIssue9812() {
        // 3 x 3 + 12,304 x 3.75 + 550 x 15 = 9 + 46,140 + 8,250 = 54,399 per million
        assertCost("claude-3-7-sonnet-20250219", NOV_2026, cached(3, 12304, 0, 0, 550), "0.054399");
    }

    @Test
    void batchHalvesTheTokenCost() {
        // (10,000 x 1 + 2,000 x 5) / 1e6 = 0.02, x 0.5
        assertCost(
                "claude-haiku-4-5",
                NOV_2026,
                usage(10_000, 2_000).with(ServiceTier.BATCH, InferenceGeo.GLOBAL),
                "0.01");
    }

    @Test
    void oneHourCacheWritesUseTheirOwnPrice() {
        // 100 x 3 + 1,000 x 3.75 + 4,000 x 6 + 20,000 x 0.30 + 300 x 15 = 300 + 3,750 + 24,000 + 6,000 + 4,500
        assertCost("claude-sonnet-4-5-20250929", NOV_2026, cached(100, 1000, 4000, 20_000, 300), "0.03855");
    }

    @Test
    void usInferenceOnA46ModelCarriesTheGeoMultiplier() {
        // (1,000 x 5 + 1,000 x 25) / 1e6 = 0.03; x 1.1 in the US; x 0.5 x 1.1 for a US batch
        TokenUsage global = usage(1000, 1000);
        assertCost("claude-opus-4-6", NOV_2026, global, "0.03");
        assertCost("claude-opus-4-6", NOV_2026, global.with(ServiceTier.STANDARD, InferenceGeo.US), "0.033");
        assertCost("claude-opus-4-6", NOV_2026, global.with(ServiceTier.BATCH, InferenceGeo.US), "0.0165");
        // Opus 4.5 has no geo multiplier
        assertCost("claude-opus-4-5", NOV_2026, global.with(ServiceTier.STANDARD, InferenceGeo.US), "0.03");
    }

    @Test
    void sonnet45AboveTwoHundredThousandInputUntilMay2026UsesLongContextPrices() {
        TokenUsage large = cached(150_000, 0, 0, 60_000, 1_000); // 210,000 total input
        // 150,000 x 6 + 60,000 x 0.60 + 1,000 x 22.50 = 900,000 + 36,000 + 22,500. The seed migration ended these
        // prices on 2026-03-31; the catalog file carries PRICING.md's end of the 1M beta, 2026-04-30.
        assertCost("claude-sonnet-4-5", Instant.parse("2026-03-31T23:59:59Z"), large, "0.9585");
        assertCost("claude-sonnet-4-5", Instant.parse("2026-04-30T23:59:59Z"), large, "0.9585");
        // from 2026-05-01 the standard prices: 450,000 + 18,000 + 15,000
        assertCost("claude-sonnet-4-5", Instant.parse("2026-05-01T00:00:00Z"), large, "0.483");
        // exactly at the threshold is not above it: 200,000 x 3 + 1,000 x 15
        assertCost("claude-sonnet-4-5", Instant.parse("2026-03-01T00:00:00Z"), usage(200_000, 1_000), "0.615");
    }

    @Test
    void webSearchesAreTenDollarsPerThousand() {
        // 500 x 3 + 200 x 15 = 4,500 per million, + 3 x 0.01
        assertCost("claude-sonnet-4-6", NOV_2026, webSearch(500, 200, 3), "0.0345");
    }

    @Test
    void haiku3CachePricesAreAbsoluteNotMultipliers() {
        // 10,000 x 0.30 + 10,000 x 0.03 = 3,300 per million (1.25x and 0.1x of 0.25 would give 3,375)
        assertCost("claude-3-haiku-20240307", NOV_2026, cached(0, 10_000, 0, 10_000, 0), "0.0033");
    }

    @Test
    void priorityIsPricedAtStandard() {
        TokenUsage usage = usage(1000, 1000);
        assertThat(cost("claude-sonnet-4-6", NOV_2026, usage.with(ServiceTier.PRIORITY, InferenceGeo.GLOBAL)))
                .isEqualByComparingTo(cost("claude-sonnet-4-6", NOV_2026, usage));
    }

    @Test
    void unknownModelsAndTimesBeforeAnyPriceAreUnpriced() {
        assertThat(prices.quote("claude-unknown", NOV_2026, usage(1, 1)).priced())
                .isFalse();
        Quote beforeCatalog = prices.quote("claude-sonnet-4-6", Instant.parse("2022-06-01T00:00:00Z"), usage(1, 1));
        assertThat(beforeCatalog.priced()).isFalse();
        assertThat(beforeCatalog.modelId()).isEqualTo("claude-sonnet-4-6");
    }

    private void assertCost(String model, Instant at, TokenUsage usage, String expected) {
        BigDecimal cost = cost(model, at, usage);
        assertThat(cost).isEqualByComparingTo(expected);
    }

    private BigDecimal cost(String model, Instant at, TokenUsage usage) {
        return prices.quote(model, at, usage).cost();
    }
}
