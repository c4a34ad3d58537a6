/**
 * Shared kernel: HTTP plumbing (bounded JSON bodies, field errors, problem and Anthropic-shaped errors, money
 * and wire names).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.tokenwarden.web;
