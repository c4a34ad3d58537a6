/**
 * OpenTelemetry traces as usage events, read by the convention of the producer each span's scope names.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ingest", "security", "web"})
package io.tokenwarden.otlp;
