package io.tokenwarden.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "price_version")
class PriceVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String modelId;
    private String speed;
    private Instant effectiveFrom;
    private BigDecimal inputPerMtok;

    @Column(name = "cache_write_5m_per_mtok")
    private BigDecimal cacheWrite5mPerMtok;

    @Column(name = "cache_write_1h_per_mtok")
    private BigDecimal cacheWrite1hPerMtok;

    private BigDecimal cacheReadPerMtok;
    private BigDecimal outputPerMtok;
    private Long longContextThreshold;
    private BigDecimal lcInputPerMtok;

    @Column(name = "lc_cache_write_5m_per_mtok")
    private BigDecimal lcCacheWrite5mPerMtok;

    @Column(name = "lc_cache_write_1h_per_mtok")
    private BigDecimal lcCacheWrite1hPerMtok;

    private BigDecimal lcCacheReadPerMtok;
    private BigDecimal lcOutputPerMtok;
    private BigDecimal batchMultiplier;
    private BigDecimal webSearchPerRequest;
    private boolean withdrawn;
    private Instant supersededAt;
    private String source;
    private Instant createdAt;
    private String createdBy;

    protected PriceVersionEntity() {}

    PriceVersionEntity(PriceVersion version, String createdBy) {
        this.modelId = version.modelId();
        this.speed = version.speed();
        this.effectiveFrom = version.effectiveFrom();
        if (version.standard() != null) {
            setStandard(version.standard());
        }
        this.longContextThreshold = version.longContextThreshold();
        if (version.longContext() != null) {
            setLongContext(version.longContext());
        }
        this.batchMultiplier = version.batchMultiplier();
        this.webSearchPerRequest = version.webSearchPerRequest();
        this.withdrawn = version.withdrawn();
        this.source = version.source();
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    private void setStandard(Rates rates) {
        inputPerMtok = rates.input();
        cacheWrite5mPerMtok = rates.cacheWrite5m();
        cacheWrite1hPerMtok = rates.cacheWrite1h();
        cacheReadPerMtok = rates.cacheRead();
        outputPerMtok = rates.output();
    }

    private void setLongContext(Rates rates) {
        lcInputPerMtok = rates.input();
        lcCacheWrite5mPerMtok = rates.cacheWrite5m();
        lcCacheWrite1hPerMtok = rates.cacheWrite1h();
        lcCacheReadPerMtok = rates.cacheRead();
        lcOutputPerMtok = rates.output();
    }

    PriceVersion toVersion() {
        Rates standard = withdrawn
                ? null
                : new Rates(inputPerMtok, cacheWrite5mPerMtok, cacheWrite1hPerMtok, cacheReadPerMtok, outputPerMtok);
        Rates longContext = longContextThreshold == null
                ? null
                : new Rates(
                        lcInputPerMtok,
                        lcCacheWrite5mPerMtok,
                        lcCacheWrite1hPerMtok,
                        lcCacheReadPerMtok,
                        lcOutputPerMtok);
        return new PriceVersion(
                id,
                modelId,
                speed,
                effectiveFrom,
                standard,
                longContextThreshold,
                longContext,
                batchMultiplier,
                webSearchPerRequest,
                withdrawn,
                source);
    }

    boolean superseded() {
        return supersededAt != null;
    }

    void supersede(Instant at) {
        supersededAt = at;
    }
}
