package io.tokenwarden.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A catalog model on the wire. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelView(
        String id,
        List<String> aliases,
        String tier,
        boolean routingTarget,
        int minCacheableTokens,
        String usOnlyMultiplier,
        LocalDate released,
        LocalDate deprecated,
        LocalDate retired,
        String source) {

    static ModelView of(CatalogModel m, Map<String, String> aliases) {
        List<String> names = aliases.entrySet().stream()
                .filter(e -> e.getValue().equals(m.id()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return new ModelView(
                m.id(),
                names,
                m.tier(),
                m.routingTarget(),
                m.minCacheableTokens(),
                m.usGeoMultiplier() == null
                        ? null
                        : m.usGeoMultiplier().stripTrailingZeros().toPlainString(),
                m.releasedOn(),
                m.deprecatedOn(),
                m.retiredOn(),
                m.source());
    }
}
