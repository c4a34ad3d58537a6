/**
 * Use-case settings: owner team, business unit and value, budget, latency class, default task type.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package io.tokenwarden.usecase;
