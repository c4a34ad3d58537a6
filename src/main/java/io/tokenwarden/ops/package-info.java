/**
 * Shared kernel: timing of scheduled jobs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.tokenwarden.ops;
