package io.tokenwarden.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/** A price version on the wire; prices are exact decimal strings in dollars per million tokens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PriceVersionView(long id, String model, String tier, Instant effectiveFrom, String inputPerMtok,
                        String outputPerMtok, String cacheWrite5mPerMtok, String cacheWrite1hPerMtok,
                        String cacheReadPerMtok, Long longContextThreshold, String longContextInputPerMtok,
                        String longContextOutputPerMtok, String longContextCacheWrite5mPerMtok,
                        String longContextCacheWrite1hPerMtok, String longContextCacheReadPerMtok,
                        String batchMultiplier, String webSearchPerRequest) {

    static PriceVersionView of(PriceVersion v, CatalogModel model) {
        Rates lc = v.longContext();
        return new PriceVersionView(v.id(), v.modelId(), model == null ? null : model.tier(), v.effectiveFrom(),
                plain(v.standard().input()), plain(v.standard().output()), plain(v.standard().cacheWrite5m()),
                plain(v.standard().cacheWrite1h()), plain(v.standard().cacheRead()), v.longContextThreshold(),
                lc == null ? null : plain(lc.input()), lc == null ? null : plain(lc.output()),
                lc == null ? null : plain(lc.cacheWrite5m()), lc == null ? null : plain(lc.cacheWrite1h()),
                lc == null ? null : plain(lc.cacheRead()), plain(v.batchMultiplier()), plain(v.webSearchPerRequest()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The response to POST /api/v1/prices: the stored version and how many events it re-priced. */
    record Added(PriceVersionView priceVersion, long repricedEvents) {
    }
}
