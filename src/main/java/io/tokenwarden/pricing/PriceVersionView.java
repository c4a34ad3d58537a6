package io.tokenwarden.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A price version on the wire; prices are exact decimal strings in dollars per million tokens. A withdrawn
 * version has no prices: from its effective_from on, that speed of the model has none in force.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PriceVersionView(
        long id,
        String model,
        String tier,
        String speed,
        Instant effectiveFrom,
        String inputPerMtok,
        String outputPerMtok,
        String cacheWrite5mPerMtok,
        String cacheWrite1hPerMtok,
        String cacheReadPerMtok,
        Long longContextThreshold,
        String longContextInputPerMtok,
        String longContextOutputPerMtok,
        String longContextCacheWrite5mPerMtok,
        String longContextCacheWrite1hPerMtok,
        String longContextCacheReadPerMtok,
        String batchMultiplier,
        String webSearchPerRequest,
        Boolean withdrawn,
        String source) {

    static PriceVersionView of(PriceVersion v, CatalogModel model) {
        Rates s = v.standard();
        Rates lc = v.longContext();
        return new PriceVersionView(
                v.id(),
                v.modelId(),
                model == null ? null : model.tier(),
                v.speed(),
                v.effectiveFrom(),
                plain(s, Rates::input),
                plain(s, Rates::output),
                plain(s, Rates::cacheWrite5m),
                plain(s, Rates::cacheWrite1h),
                plain(s, Rates::cacheRead),
                v.longContextThreshold(),
                plain(lc, Rates::input),
                plain(lc, Rates::output),
                plain(lc, Rates::cacheWrite5m),
                plain(lc, Rates::cacheWrite1h),
                plain(lc, Rates::cacheRead),
                plain(v.batchMultiplier()),
                plain(v.webSearchPerRequest()),
                v.withdrawn() ? Boolean.TRUE : null,
                v.source());
    }

    private static String plain(Rates rates, java.util.function.Function<Rates, BigDecimal> price) {
        return rates == null ? null : plain(price.apply(rates));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The response to POST /api/v1/prices: the stored version and how many events it re-priced. */
    record Added(PriceVersionView priceVersion, long repricedEvents) {}
}
