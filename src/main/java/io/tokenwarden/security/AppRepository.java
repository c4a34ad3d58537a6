package io.tokenwarden.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppRepository extends JpaRepository<AppEntity, Long> {

    Optional<AppEntity> findByName(String name);
}
