/**
 * The append-only audit trail: who changed what, written in the same transaction as the change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.tokenwarden.audit;
