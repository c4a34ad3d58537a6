/**
 * Infrastructure: the embedded PostgreSQL started when no datasource is configured, durable and supervised.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.tokenwarden.embedded;
