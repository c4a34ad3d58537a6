/**
 * Usage events and business outcomes: validation, pricing at write time, idempotent batched writes, commit
 * grouping.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"pricing", "security", "usecase", "web"})
package io.tokenwarden.ingest;
