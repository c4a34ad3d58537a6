/**
 * Bills from Anthropic's Admin API against tracked cost, per UTC day and model.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"pricing", "web"})
package io.tokenwarden.reconcile;
