/**
 * Rollups of the events (daily, monthly, by use case, by tag, hourly) and the reports read from them: spend,
 * Pareto, unit costs, budgets, anomalies, feature figures.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ops", "pricing", "usecase", "web"})
package io.tokenwarden.analytics;
