package io.tokenwarden.pricing;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelRepository extends JpaRepository<ModelEntity, String> {
}

interface ModelAliasRepository extends JpaRepository<ModelAliasEntity, String> {
}

interface PriceVersionRepository extends JpaRepository<PriceVersionEntity, Long> {

    boolean existsByModelIdAndSpeedAndEffectiveFromAndSupersededAtIsNull(String modelId, String speed,
                                                                         Instant effectiveFrom);

    java.util.List<PriceVersionEntity> findBySupersededAtIsNull();
}
