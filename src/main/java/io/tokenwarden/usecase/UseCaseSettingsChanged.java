package io.tokenwarden.usecase;

/** Published when a use case's settings (budget, business unit, ...) change; reports built on them are stale. */
public record UseCaseSettingsChanged(String useCase) {}
