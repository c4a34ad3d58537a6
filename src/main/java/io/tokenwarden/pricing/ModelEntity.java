package io.tokenwarden.pricing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "model")
class ModelEntity {

    @Id
    private String id;

    private String tier;
    private int minCacheableTokens;
    private BigDecimal usGeoMultiplier;
    private boolean routingTarget;
    private LocalDate releasedOn;
    private LocalDate deprecatedOn;
    private LocalDate retiredOn;
    private String source;
    private Instant createdAt;

    protected ModelEntity() {}

    ModelEntity(String id, String tier, int minCacheableTokens, BigDecimal usGeoMultiplier) {
        this.id = id;
        this.tier = tier;
        this.minCacheableTokens = minCacheableTokens;
        this.usGeoMultiplier = usGeoMultiplier;
        this.createdAt = Instant.now();
    }

    CatalogModel toModel() {
        return new CatalogModel(
                id,
                tier,
                minCacheableTokens,
                usGeoMultiplier,
                routingTarget,
                releasedOn,
                deprecatedOn,
                retiredOn,
                source);
    }
}
