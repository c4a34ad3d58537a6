package io.tokenwarden.usecase;

import org.springframework.data.jpa.repository.JpaRepository;

interface UseCaseRepository extends JpaRepository<UseCaseEntity, String> {}
