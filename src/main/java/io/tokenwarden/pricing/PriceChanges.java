package io.tokenwarden.pricing;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a price version and, in the same transaction, re-prices every event it now governs and every
 * unpriced event it now covers. Prices are never edited in place.
 */
@Service
class PriceChanges {

    private final PriceCatalog catalog;
    private final ModelRepository models;
    private final PriceVersionRepository versions;
    private final Repricer repricer;
    private final AuditLog audit;

    PriceChanges(
            PriceCatalog catalog,
            ModelRepository models,
            PriceVersionRepository versions,
            Repricer repricer,
            AuditLog audit) {
        this.catalog = catalog;
        this.models = models;
        this.versions = versions;
        this.repricer = repricer;
        this.audit = audit;
    }

    @Transactional
    PriceVersionView.Added add(NewPriceVersion request, String actor) {
        catalog.beginChange();
        java.util.Optional<CatalogModel> existing =
                catalog.uncommitted().resolve(request.version().modelId());
        existing.ifPresent(model -> refuseModelFields(request, model));
        String modelId = existing.map(CatalogModel::id).orElseGet(() -> createModel(request));
        PriceVersion asked = request.version();
        if (versions.existsByModelIdAndSpeedAndEffectiveFromAndSupersededAtIsNull(
                modelId, asked.speed(), asked.effectiveFrom())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "A price version of " + modelId + " taking effect at " + asked.effectiveFrom()
                            + " exists already; add one with another effective_from.");
        }
        PriceVersion toStore = new PriceVersion(
                0,
                modelId,
                asked.effectiveFrom(),
                asked.standard(),
                asked.longContextThreshold(),
                asked.longContext(),
                asked.batchMultiplier(),
                asked.webSearchPerRequest());
        PriceVersion stored =
                versions.save(new PriceVersionEntity(toStore, actor)).toVersion();
        CatalogSnapshot updated = catalog.uncommitted();
        Instant until =
                updated.successorOf(stored).map(PriceVersion::effectiveFrom).orElse(null);
        long repriced = repricer.repriceRange(updated, modelId, stored.effectiveFrom(), until)
                .plus(repricer.resolveUnknownModels(updated))
                .events();
        PriceVersionView view =
                PriceVersionView.of(stored, updated.model(modelId).orElse(null));
        audit.record(actor, "price_version.add", modelId, null, view);
        return new PriceVersionView.Added(view, repriced);
    }

    /**
     * tier, min_cacheable_tokens and us_geo_multiplier describe a new model; for a known one a different value would
     * be ignored, so it is refused (the same value changes nothing and is accepted).
     */
    private static void refuseModelFields(NewPriceVersion request, CatalogModel model) {
        java.util.List<io.tokenwarden.web.FieldError> errors = new java.util.ArrayList<>();
        String why = "applies only to a model new to the catalog; " + model.id()
                + " exists: change it with a catalog file (POST /api/v1/catalog)";
        if (request.tier() != null && !request.tier().equals(model.tier())) {
            errors.add(new io.tokenwarden.web.FieldError("tier", why));
        }
        if (request.minCacheableTokens() != null && request.minCacheableTokens() != model.minCacheableTokens()) {
            errors.add(new io.tokenwarden.web.FieldError("min_cacheable_tokens", why));
        }
        if (request.usGeoMultiplier() != null
                && (model.usGeoMultiplier() == null
                        || request.usGeoMultiplier().compareTo(model.usGeoMultiplier()) != 0)) {
            errors.add(new io.tokenwarden.web.FieldError("us_geo_multiplier", why));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
    }

    private String createModel(NewPriceVersion request) {
        int minCache = request.minCacheableTokens() == null ? 1024 : request.minCacheableTokens();
        BigDecimal geo = request.usGeoMultiplier();
        return models.save(new ModelEntity(request.version().modelId(), request.tier(), minCache, geo))
                .toModel()
                .id();
    }
}
