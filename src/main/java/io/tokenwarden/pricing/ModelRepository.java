package io.tokenwarden.pricing;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelRepository extends JpaRepository<ModelEntity, String> {}
