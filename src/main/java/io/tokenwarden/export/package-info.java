/**
 * CSV exports: one row per event, and FinOps FOCUS by day, use case, model and token type.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"pricing", "usecase", "web"})
package io.tokenwarden.export;
