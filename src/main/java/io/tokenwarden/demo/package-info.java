/**
 * The composition root of the demo workload: loads a month of realistic usage through the normal ingestion path
 * on the first start.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"alert", "analytics", "ingest", "recommend", "security", "usecase"})
package io.tokenwarden.demo;
