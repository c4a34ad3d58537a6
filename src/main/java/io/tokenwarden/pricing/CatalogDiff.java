package io.tokenwarden.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the differences between a catalog file and the catalog in the database, inside the caller's catalog
 * change: new rows are inserted, a changed model is updated, a changed price row supersedes the version it
 * replaces. It remembers, per model, the earliest moment from which its events must be re-priced.
 */
final class CatalogDiff {

    private final JdbcClient jdbc;
    private final CatalogSnapshot before;
    private final String actor;
    final List<String> modelsAdded = new ArrayList<>();
    final List<String> modelsChanged = new ArrayList<>();
    final List<String> aliasesAdded = new ArrayList<>();
    final List<String> tierRulesChanged = new ArrayList<>();
    final List<String> versionsAdded = new ArrayList<>();
    final List<String> versionsSuperseded = new ArrayList<>();
    /** Model id to the earliest instant its events must be re-priced from. */
    final Map<String, Instant> repriceFrom = new HashMap<>();

    final List<String> repriceTiers = new ArrayList<>();
    /** Price rows of the 2025 seed that had no source and got the file's. */
    int sourcesFilled;

    CatalogDiff(JdbcClient jdbc, CatalogSnapshot before, String actor) {
        this.jdbc = jdbc;
        this.before = before;
        this.actor = actor;
    }

    void apply(CatalogFile file) {
        file.tierRules().forEach(this::tierRule);
        // Routing flags are cleared before any is set: the schema allows one routing target per tier.
        file.models().stream()
                .filter(m -> m.model().routingTarget())
                .forEach(m -> jdbc.sql(
                                "UPDATE model SET routing_target = false WHERE tier = ? AND id <> ? AND routing_target")
                        .params(m.model().tier(), m.model().id())
                        .update());
        for (CatalogFile.FileModel m : file.models()) {
            model(m.model());
            m.aliases().forEach(alias -> alias(alias, m.model().id()));
            m.prices().forEach(this::version);
        }
    }

    private void tierRule(TierRule rule) {
        Optional<TierRule> old = before.tierRule(rule.tier());
        if (old.isPresent()
                && old.get().pricedAs().equals(rule.pricedAs())
                && Objects.equals(old.get().note(), rule.note())
                && Objects.equals(old.get().source(), rule.source())) {
            return;
        }
        jdbc.sql("""
                INSERT INTO service_tier_rule (tier, priced_as, note, source) VALUES (?, ?, ?, ?)
                ON CONFLICT (tier) DO UPDATE SET priced_as = excluded.priced_as, note = excluded.note,
                    source = excluded.source""")
                .params(rule.tier(), rule.pricedAs(), rule.note(), rule.source())
                .update();
        tierRulesChanged.add(rule.tier() + " priced as " + rule.pricedAs());
        if (old.isEmpty() || !old.get().pricedAs().equals(rule.pricedAs())) {
            repriceTiers.add(rule.tier());
        }
    }

    private void model(CatalogModel m) {
        Optional<CatalogModel> old = before.model(m.id());
        if (old.isPresent() && old.get().equals(m)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO model (id, tier, min_cacheable_tokens, us_geo_multiplier, routing_target, released_on,
                    deprecated_on, retired_on, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET tier = excluded.tier, min_cacheable_tokens = excluded.min_cacheable_tokens,
                    us_geo_multiplier = excluded.us_geo_multiplier, routing_target = excluded.routing_target,
                    released_on = excluded.released_on, deprecated_on = excluded.deprecated_on,
                    retired_on = excluded.retired_on, source = excluded.source""")
                .params(
                        m.id(),
                        m.tier(),
                        m.minCacheableTokens(),
                        m.usGeoMultiplier(),
                        m.routingTarget(),
                        m.releasedOn(),
                        m.deprecatedOn(),
                        m.retiredOn(),
                        m.source())
                .update();
        if (old.isEmpty()) {
            modelsAdded.add(m.id());
            return;
        }
        modelsChanged.add(m.id());
        if (!sameMultiplier(old.get(), m)) {
            repriceFrom.put(m.id(), Instant.EPOCH);
        }
    }

    private static boolean sameMultiplier(CatalogModel a, CatalogModel b) {
        return a.usGeoMultiplier() == null
                ? b.usGeoMultiplier() == null
                : b.usGeoMultiplier() != null && a.usGeoMultiplier().compareTo(b.usGeoMultiplier()) == 0;
    }

    private void alias(String alias, String modelId) {
        if (modelId.equals(before.aliases().get(alias))) {
            return;
        }
        jdbc.sql("INSERT INTO model_alias (alias, model_id) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE "
                        + "SET model_id = excluded.model_id")
                .params(alias, modelId)
                .update();
        aliasesAdded.add(alias + " -> " + modelId);
    }

    private void version(PriceVersion row) {
        Optional<PriceVersion> old = before.versions().stream()
                .filter(v -> v.modelId().equals(row.modelId())
                        && v.speed().equals(row.speed())
                        && v.effectiveFrom().equals(row.effectiveFrom()))
                .findFirst();
        if (old.isPresent() && old.get().samePricesAs(row)) {
            if (old.get().source() == null && row.source() != null) {
                // Rows of the 2025 seed migration had no source column: the file names it; prices stay untouched.
                jdbc.sql("UPDATE price_version SET source = ? WHERE id = ?")
                        .params(row.source(), old.get().id())
                        .update();
                sourcesFilled++;
            }
            return;
        }
        String name = row.modelId() + " " + row.speed() + " from " + row.effectiveFrom()
                + (row.withdrawn() ? " (no price)" : "");
        if (old.isPresent()) {
            jdbc.sql("UPDATE price_version SET superseded_at = now() WHERE id = ?")
                    .param(old.get().id())
                    .update();
            versionsSuperseded.add(name);
        } else {
            versionsAdded.add(name);
        }
        insert(row);
        repriceFrom.merge(row.modelId(), row.effectiveFrom(), (a, b) -> a.isBefore(b) ? a : b);
    }

    private void insert(PriceVersion v) {
        Rates s = v.standard();
        Rates lc = v.longContext();
        jdbc.sql("""
                INSERT INTO price_version (model_id, speed, effective_from, withdrawn, source, created_by,
                    input_per_mtok, cache_write_5m_per_mtok, cache_write_1h_per_mtok, cache_read_per_mtok,
                    output_per_mtok, long_context_threshold, lc_input_per_mtok, lc_cache_write_5m_per_mtok,
                    lc_cache_write_1h_per_mtok, lc_cache_read_per_mtok, lc_output_per_mtok, batch_multiplier,
                    web_search_per_request) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        v.modelId(),
                        v.speed(),
                        java.sql.Timestamp.from(v.effectiveFrom()),
                        v.withdrawn(),
                        v.source(),
                        actor,
                        s == null ? null : s.input(),
                        s == null ? null : s.cacheWrite5m(),
                        s == null ? null : s.cacheWrite1h(),
                        s == null ? null : s.cacheRead(),
                        s == null ? null : s.output(),
                        v.longContextThreshold(),
                        lc == null ? null : lc.input(),
                        lc == null ? null : lc.cacheWrite5m(),
                        lc == null ? null : lc.cacheWrite1h(),
                        lc == null ? null : lc.cacheRead(),
                        lc == null ? null : lc.output(),
                        v.batchMultiplier(),
                        v.webSearchPerRequest())
                .update();
    }
}
