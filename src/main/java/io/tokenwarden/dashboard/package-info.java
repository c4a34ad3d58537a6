/**
 * The pages finance and engineers read (dashboard, features, recommendations) and the chart data they fetch; no
 * tables of its own.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"alert", "analytics", "recommend", "reconcile", "usecase", "web"})
package io.tokenwarden.dashboard;
