package io.tokenwarden.pricing;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PriceVersionRepository extends JpaRepository<PriceVersionEntity, Long> {

    boolean existsByModelIdAndSpeedAndEffectiveFromAndSupersededAtIsNull(
            String modelId, String speed, Instant effectiveFrom);

    List<PriceVersionEntity> findBySupersededAtIsNull();
}
