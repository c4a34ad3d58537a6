package io.tokenwarden.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppKeyRepository extends JpaRepository<AppKeyEntity, Long> {

    Optional<AppKeyEntity> findByKeyIdAndAppId(String keyId, Long appId);

    List<AppKeyEntity> findByAppIdOrderByCreatedAt(Long appId);
}
