package io.tokenwarden.pricing;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as the rest of the app sees it: an in-memory snapshot, reloaded when the revision
 * row says another transaction (on any instance) changed the catalog.
 *
 * <p>Writers of priced events hold a shared advisory lock for their transaction; a price change
 * holds it exclusively while it inserts the version and re-prices. So an event is either priced
 * with the new version or committed before the re-pricing runs (and then re-priced by it): never
 * priced with a stale version after the change.
 */
@Service
public class PriceCatalog {

    private static final long CATALOG_LOCK = 0x746F6B656E77L; // "tokenw"

    private final JdbcClient jdbc;
    private final ModelRepository models;
    private final ModelAliasRepository aliases;
    private final PriceVersionRepository versions;
    private volatile CatalogSnapshot snapshot;

    PriceCatalog(
            JdbcClient jdbc, ModelRepository models, ModelAliasRepository aliases, PriceVersionRepository versions) {
        this.jdbc = jdbc;
        this.models = models;
        this.aliases = aliases;
        this.versions = versions;
    }

    /** For a transaction that stores priced events: blocks while a price change is in progress. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CatalogSnapshot forWrite() {
        return snapshot(jdbc.sql("SELECT catalog_revision_for_write(?)")
                .param(CATALOG_LOCK)
                .query(Long.class)
                .single());
    }

    /** The committed catalog, for reads that tolerate a change committing meanwhile. */
    @Transactional(readOnly = true)
    public CatalogSnapshot current() {
        return snapshot(revision());
    }

    private CatalogSnapshot snapshot(long revision) {
        CatalogSnapshot cached = snapshot;
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        CatalogSnapshot loaded = load(revision);
        snapshot = loaded;
        return loaded;
    }

    /** Starts a catalog change: the caller's transaction then sees no concurrent event writer. */
    @Transactional(propagation = Propagation.MANDATORY)
    void beginChange() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked")
                .param(CATALOG_LOCK)
                .query(Integer.class)
                .single();
        jdbc.sql("UPDATE catalog_revision SET revision = revision + 1").update();
    }

    /** The catalog including the caller's own uncommitted change; never cached. */
    @Transactional(propagation = Propagation.MANDATORY)
    CatalogSnapshot uncommitted() {
        models.flush();
        versions.flush();
        return load(revision());
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM catalog_revision")
                .query(Long.class)
                .single();
    }

    private CatalogSnapshot load(long revision) {
        Map<String, String> aliasMap = aliases.findAll().stream()
                .collect(Collectors.toMap(ModelAliasEntity::alias, ModelAliasEntity::modelId));
        return new CatalogSnapshot(
                revision,
                models.findAll().stream().map(ModelEntity::toModel).toList(),
                aliasMap,
                versions.findBySupersededAtIsNull().stream()
                        .map(PriceVersionEntity::toVersion)
                        .toList(),
                jdbc.sql("SELECT tier, priced_as, note, source FROM service_tier_rule")
                        .query(TierRule.class)
                        .list());
    }
}
