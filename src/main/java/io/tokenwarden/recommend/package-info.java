/**
 * One detector per recommendation kind, the recommendation lifecycle and the before/after measurement of
 * implemented ones.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "ops", "pricing", "usecase", "web"})
package io.tokenwarden.recommend;
