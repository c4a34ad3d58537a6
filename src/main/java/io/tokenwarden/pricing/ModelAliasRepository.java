package io.tokenwarden.pricing;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelAliasRepository extends JpaRepository<ModelAliasEntity, String> {}
