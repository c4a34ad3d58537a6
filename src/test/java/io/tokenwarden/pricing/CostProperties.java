package io.tokenwarden.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The cost formula is linear in every token count (within one price tier) and never negative. */
class CostProperties {

    private static final CatalogModel MODEL = CostCalculatorTest.MODEL;
    private static final PriceVersion OPUS_41 = CostCalculatorTest.version("15", "18.75", "30", "1.50", "75");

    @Property(tries = 500)
    void costIsAdditiveOverTokenCounts(@ForAll("usages") TokenUsage a, @ForAll("usages") TokenUsage b) {
        TokenUsage sum = TokenUsage.of(a.input() + b.input(), a.output() + b.output())
                .withCacheWrites(a.cacheWrite5m() + b.cacheWrite5m(), a.cacheWrite1h() + b.cacheWrite1h())
                .withCacheReads(a.cacheRead() + b.cacheRead())
                .withWebSearches(a.webSearchRequests() + b.webSearchRequests())
                .with(a.serviceTier(), a.inferenceGeo());
        TokenUsage bSameTier = b.with(a.serviceTier(), a.inferenceGeo());

        BigDecimal together = TestCatalog.cost(MODEL, OPUS_41, sum);
        BigDecimal apart = TestCatalog.cost(MODEL, OPUS_41, a).add(TestCatalog.cost(MODEL, OPUS_41, bSameTier));

        assertThat(together).isEqualByComparingTo(apart);
    }

    @Property(tries = 500)
    void costIsNeverNegative(@ForAll("usages") TokenUsage usage) {
        assertThat(TestCatalog.cost(MODEL, OPUS_41, usage).signum()).isGreaterThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<TokenUsage> usages() {
        Arbitrary<Long> tokens = Arbitraries.longs().between(0, 100_000_000L);
        return Combinators.combine(
                        tokens,
                        tokens,
                        tokens,
                        tokens,
                        tokens,
                        Arbitraries.longs().between(0, 50),
                        Arbitraries.of(ServiceTier.STANDARD, ServiceTier.BATCH, ServiceTier.PRIORITY),
                        Arbitraries.of(InferenceGeo.class))
                .as((in, out, w5, w1h, read, searches, tier, geo) -> TokenUsage.of(in, out)
                        .withCacheWrites(w5, w1h)
                        .withCacheReads(read)
                        .withWebSearches(searches)
                        .with(tier, geo));
    }
}
