/**
 * The Anthropic-compatible proxy: forwards calls byte for byte, relays streams, records each completed message
 * through ingestion, derives evidence from requests, and spools usage while the database is away.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"analytics", "ingest", "pricing", "recommend", "security", "usecase", "web"})
package io.tokenwarden.gateway;
