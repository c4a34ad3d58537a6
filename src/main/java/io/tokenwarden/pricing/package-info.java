/**
 * The catalog of models, price versions and billing rules (from the sourced catalog file), the pricer, and
 * re-pricing, which it announces to RepricingListeners.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package io.tokenwarden.pricing;
