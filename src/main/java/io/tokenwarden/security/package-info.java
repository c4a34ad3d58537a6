/**
 * Infrastructure: app keys, users and roles, the filter chains (gateway, app keys, actuator, HTTP Basic, pages).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package io.tokenwarden.security;
