/**
 * Alerts that reach a person: spend spikes, daily anomalies, new spend and budget thresholds, each opened once
 * and resolved when its condition is gone, delivered through an outbox to webhook, Slack and e-mail channels.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"analytics", "audit", "usecase", "web"})
package io.tokenwarden.alert;
