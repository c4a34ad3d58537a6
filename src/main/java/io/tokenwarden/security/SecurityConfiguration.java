package io.tokenwarden.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.tokenwarden.web.AnthropicErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Five chains, in order: the gateway (/anthropic/**, the app from X-Tokenwarden-Key, fail-open when the database is
 * away); apps post events and spans with keys (stateless, no CSRF: no cookie ever authenticates); the actuator (open
 * probes, the rest for ADMINs); scripts call the rest of /api with HTTP Basic (stateless too); people use the pages
 * with a form login, a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] ANY_ROLE = {"ADMIN", "FINANCE", "ENGINEER"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Users are checked with BCrypt once a minute at most per set of credentials: see
     * {@link VerifiedCredentialsCache}; failed sign-ins are throttled and locked out: see {@link LoginThrottle}.
     * Form logins and Basic calls share this manager.
     */
    @Bean
    AuthenticationProvider passwordCheck(
            UserAccounts users, PasswordEncoder passwords, java.time.Clock clock, LoginThrottle throttle) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        return new ThrottledAuthentication(new VerifiedCredentialsCache(bcrypt, clock), throttle);
    }

    /** HTTP Basic for scripts (the API and the actuator), unless an admin turned it off. */
    @Bean
    AuthenticationManager authenticationManager(AuthenticationProvider passwordCheck, AccessSettings access) {
        return new ProviderManager(new GatedAuthentication(passwordCheck, user -> access.httpBasic(), "HTTP Basic"));
    }

    /** Spring Security's strict firewall, its header rules with a fast path for plain ASCII. */
    @Bean
    HttpFirewall httpFirewall() {
        return HeaderChecks.firewall();
    }

    /**
     * No observation per security filter: with them every filter of every chain was wrapped, and the
     * wrappers' names, predicate look-ups and scopes ran on each request (a few percent of a single-event
     * request's Java samples in the JFR). Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The hot path: only what an app key needs. No logout, anonymous user or servlet-API wrapper
     * (the key filter answers 401 itself and the controllers read the principal from the context).
     */
    @Bean
    @Order(1)
    SecurityFilterChain ingestChain(HttpSecurity http, AppKeys appKeys, RateLimiter rateLimiter) throws Exception {
        http.securityMatcher("/api/v1/events", "/api/v1/outcomes", "/v1/traces")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(appKeys, rateLimiter), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("APP"))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(ProblemResponses.unauthorized("An app key is required.", false))
                                .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /** The Anthropic-compatible gateway: the app comes from X-Tokenwarden-Key; Authorization is the upstream's. */
    @Bean
    @Order(0)
    SecurityFilterChain gatewayChain(HttpSecurity http, AppKeys appKeys) throws Exception {
        http.securityMatcher("/anthropic/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                // the upstream's headers come back as it sent them, with none of the pages' security headers added
                .headers(headers -> headers.disable())
                .addFilterBefore(new GatewayKeyFilter(appKeys), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("APP"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> AnthropicErrors.write(
                        response, 401, "authentication_error", "Tokenwarden: an app key is required.")));
        return http.build();
    }

    /** Liveness and readiness are open for load balancers; metrics and the rest need an ADMIN. */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationManager users) throws Exception {
        var entryPoint = ProblemResponses.unauthorized("Sign in with HTTP Basic.", true);
        http.securityMatcher("/actuator/**")
                .authenticationManager(users)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest()
                        .hasRole("ADMIN"))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager users, PersonalTokens tokens)
            throws Exception {
        var entryPoint = ProblemResponses.unauthorized("Sign in with HTTP Basic or a personal API token.", true);
        http.securityMatcher("/api/**")
                .authenticationManager(users)
                .addFilterBefore(new PersonalTokenFilter(tokens), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/api/v1/apps",
                                "/api/v1/apps/**",
                                "/api/v1/alert-channels",
                                "/api/v1/alert-channels/**")
                        .hasRole("ADMIN")
                        .requestMatchers(POST, "/api/v1/prices", "/api/v1/catalog", "/api/v1/catalog/**")
                        .hasRole("ADMIN")
                        .requestMatchers(PUT, "/api/v1/use-cases/**")
                        .hasRole("ADMIN")
                        .requestMatchers(DELETE, "/api/v1/tokens/*")
                        .hasAnyRole(ANY_ROLE)
                        .requestMatchers(DELETE, "/api/**")
                        .hasRole("ADMIN")
                        .requestMatchers(POST, "/api/v1/recommendations/**")
                        .hasAnyRole("ADMIN", "ENGINEER")
                        .requestMatchers("/api/v1/exports/**", "/api/v1/reconciliation/**", "/api/v1/reconciliation")
                        .hasAnyRole("ADMIN", "FINANCE")
                        .requestMatchers(GET, "/api/v1/prices", "/api/v1/catalog", "/api/v1/reports/**")
                        .hasAnyRole(ANY_ROLE)
                        .anyRequest()
                        .hasAnyRole(ANY_ROLE))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageChain(
            HttpSecurity http, AuthenticationProvider passwordCheck, AccessSettings access, OidcLogin oidc)
            throws Exception {
        // local passwords on the pages, unless turned off: the bootstrap admin keeps it, to be let in if the provider
        // fails
        AuthenticationProvider localPasswords = new GatedAuthentication(
                passwordCheck,
                user -> access.localLogin() || AccessSettings.BOOTSTRAP_ADMIN.equals(user),
                "Local password sign-in");
        http.authenticationManager(oidc.provider()
                .map(sso -> new ProviderManager(localPasswords, sso))
                .orElseGet(() -> new ProviderManager(localPasswords)));
        oidc.configure(http);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/assets/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/login",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/dashboard/export.csv")
                        .hasAnyRole("ADMIN", "FINANCE")
                        .requestMatchers(POST, "/features/**")
                        .hasAnyRole("ADMIN", "ENGINEER")
                        .anyRequest()
                        .hasAnyRole(ANY_ROLE))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/dashboard", false)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(
                                        PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**")),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        return http.build();
    }

    /**
     * Pages load scripts, styles and images from this origin only, and no inline script or style: the templates have
     * none (Chart.js sets styles through the CSSOM, which the policy allows). Swagger UI, which needs inline code, is
     * left out.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " + "interest-cohort=()";
}
