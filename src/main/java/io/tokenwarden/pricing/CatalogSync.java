package io.tokenwarden.pricing;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.web.Money;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a catalog file in one catalog change: the differences are written, the events they govern are
 * re-priced with the same pricer ingestion uses (the rollups follow), and the whole change is audited. A
 * preview runs exactly the same change and rolls it back, so what it shows is what applying would do.
 */
@Service
class CatalogSync {

    private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

    private final PriceCatalog catalog;
    private final Repricer repricer;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final EntityManager entities;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    CatalogSync(
            PriceCatalog catalog,
            Repricer repricer,
            AuditLog audit,
            JdbcClient jdbc,
            EntityManager entities,
            PlatformTransactionManager transactionManager,
            JsonMapper json) {
        this.catalog = catalog;
        this.repricer = repricer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.entities = entities;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    CatalogChange apply(CatalogFile file, String actor) {
        return transactions.execute(status -> change(file, actor, true, status));
    }

    CatalogChange preview(CatalogFile file, String actor) {
        return transactions.execute(status -> {
            CatalogChange change = change(file, actor, false, status);
            status.setRollbackOnly();
            return change;
        });
    }

    private CatalogChange change(
            CatalogFile file,
            String actor,
            boolean applying,
            org.springframework.transaction.TransactionStatus status) {
        catalog.beginChange();
        CatalogDiff diff = new CatalogDiff(jdbc, catalog.uncommitted(), actor);
        diff.apply(file);
        // The diff wrote with SQL: entities loaded before it are stale in this persistence context.
        entities.clear();
        CatalogSnapshot updated = catalog.uncommitted();
        Repriced repriced = Repriced.NONE;
        for (Map.Entry<String, Instant> model : diff.repriceFrom.entrySet()) {
            repriced = repriced.plus(repricer.repriceModelFrom(updated, model.getKey(), model.getValue()));
        }
        for (String tier : diff.repriceTiers) {
            repriced = repriced.plus(repricer.repriceTier(updated, tier));
        }
        repriced = repriced.plus(repricer.resolveUnknownModels(updated));
        CatalogChange change = new CatalogChange(
                file.version(),
                applying,
                diff.modelsAdded,
                diff.modelsChanged,
                diff.aliasesAdded,
                diff.tierRulesChanged,
                diff.versionsAdded,
                diff.versionsSuperseded,
                repriced.events(),
                Money.format(repriced.costBefore()),
                Money.format(repriced.costAfter()),
                Money.format(repriced.change()),
                repriced.newlyPriced(),
                repriced.newlyUnpriced());
        if (!change.changesAnything() && repriced.events() == 0 && diff.sourcesFilled == 0) {
            // A restart with the same file: nothing to keep, and no revision bump to make every instance reload.
            status.setRollbackOnly();
        } else if (applying) {
            audit.record(actor, "catalog.apply", "catalog " + file.version(), null, change);
            jdbc.sql("INSERT INTO catalog_file (version, sha256, applied_by, summary) VALUES (?, ?, ?, ?::jsonb)")
                    .params(file.version(), file.sha256(), actor, json.writeValueAsString(change))
                    .update();
            log.info(
                    "Catalog {} applied by {}: {} models added, {} changed, {} price versions added, {} superseded; "
                            + "{} events re-priced ({} USD change)",
                    file.version(),
                    actor,
                    change.modelsAdded().size(),
                    change.modelsChanged().size(),
                    change.versionsAdded().size(),
                    change.versionsSuperseded().size(),
                    change.repricedEvents(),
                    change.changeUsd());
        }
        return change;
    }
}
