package io.tokenwarden.pricing;

import static io.tokenwarden.pricing.Usages.cached;
import static io.tokenwarden.pricing.Usages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    static final CatalogModel MODEL = new CatalogModel("m", "sonnet", 1024, new BigDecimal("1.1"), false);

    static PriceVersion version(String in, String w5, String w1h, String read, String out) {
        return new PriceVersion(
                1,
                "m",
                Instant.EPOCH,
                rates(in, w5, w1h, read, out),
                null,
                null,
                new BigDecimal("0.5"),
                new BigDecimal("0.01"));
    }

    static Rates rates(String in, String w5, String w1h, String read, String out) {
        return new Rates(
                new BigDecimal(in), new BigDecimal(w5), new BigDecimal(w1h), new BigDecimal(read), new BigDecimal(out));
    }

    @Test
    void costIsExactAndNeverRounded() {
        // one token at $0.000001 per million is 1e-12 dollars
        PriceVersion tiny = version("0.000001", "0", "0", "0", "0");

        assertThat(TestCatalog.cost(MODEL, tiny, usage(1, 0))).isEqualByComparingTo("0.000000000001");
    }

    @Test
    void longContextPricesApplyToEveryTermAboveTheThreshold() {
        PriceVersion tiered = new PriceVersion(
                1,
                "m",
                Instant.EPOCH,
                rates("1", "2", "3", "4", "5"),
                100L,
                rates("10", "20", "30", "40", "50"),
                new BigDecimal("0.5"),
                BigDecimal.ZERO);

        // 40 + 30 + 20 + 11 = 101 total input > 100: 40 x 10 + 30 x 20 + 20 x 30 + 11 x 40 + 1 x 50 = 2,090
        assertThat(TestCatalog.cost(MODEL, tiered, cached(40, 30, 20, 11, 1))).isEqualByComparingTo("0.00209");
        // 100 total input: 40 x 1 + 30 x 2 + 20 x 3 + 10 x 4 + 1 x 5 = 205
        assertThat(TestCatalog.cost(MODEL, tiered, cached(40, 30, 20, 10, 1))).isEqualByComparingTo("0.000205");
    }

    @Test
    void webSearchIsNeitherHalvedForBatchNorMultipliedForGeo() {
        PriceVersion version = version("0", "0", "0", "0", "0");
        TokenUsage searches = TokenUsage.of(0, 0).withWebSearches(4).with(ServiceTier.BATCH, InferenceGeo.US);

        assertThat(TestCatalog.cost(MODEL, version, searches)).isEqualByComparingTo("0.04");
    }

    @Test
    void aCacheWriteSplitThatDoesNotAddUpCannotExist() {
        assertThatThrownBy(() ->
                        new TokenUsage(0, 0, 10, 0, 6, 5, 0, ServiceTier.STANDARD, InferenceGeo.GLOBAL, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void providerSpellingsNormalize() {
        assertThat(ModelNames.normalize("us.anthropic.claude-sonnet-4-5-20250929-v1:0"))
                .isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(ModelNames.normalize("anthropic.claude-opus-4-6-v1")).isEqualTo("claude-opus-4-6");
        assertThat(ModelNames.normalize("claude-3-5-haiku@20241022")).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(ModelNames.normalize(" Claude-Haiku-4-5 ")).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void namedFactoriesBuildTheSameUsageAsEveryCountSpelledOut() {
        TokenUsage named = TokenUsage.of(3, 50)
                .withCacheWrites(1200, 300)
                .withCacheReads(4000)
                .withWebSearches(2)
                .with(ServiceTier.BATCH, InferenceGeo.US);

        assertThat(named)
                .isEqualTo(new TokenUsage(
                        3, 50, 1500, 4000, 1200, 300, 2, ServiceTier.BATCH, InferenceGeo.US, "standard", List.of()));
        assertThat(TokenUsage.of(0, 0)
                        .withCacheWrites(10, 0)
                        .withCacheWrites(0, 5)
                        .cacheCreation())
                .isEqualTo(15);
    }
}
