package io.tokenwarden.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppRepository extends JpaRepository<AppEntity, Long> {

    Optional<AppEntity> findByName(String name);
}

interface AppKeyRepository extends JpaRepository<AppKeyEntity, Long> {

    Optional<AppKeyEntity> findByKeyIdAndAppId(String keyId, Long appId);

    List<AppKeyEntity> findByAppIdOrderByCreatedAt(Long appId);
}

interface UserAccountRepository extends JpaRepository<UserAccountEntity, Long> {

    Optional<UserAccountEntity> findByUsername(String username);
}
