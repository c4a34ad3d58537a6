/**
 * Use-case settings: owner team, business unit and value, budget, latency class, default task type.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "security", "web"})
package io.tokenwarden.usecase;
