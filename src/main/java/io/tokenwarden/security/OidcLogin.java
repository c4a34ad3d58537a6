package io.tokenwarden.security;

import io.tokenwarden.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OpenID Connect sign-in on the pages when {@code tokenwarden.oidc.issuer-uri} is set: authorization code flow with
 * PKCE, the provider read from its discovery document at start-up (a provider that cannot be reached then stops the
 * start with that reason), users made and updated by {@link OidcSignIn}.
 */
@Component
@EnableConfigurationProperties(OidcProperties.class)
class OidcLogin {

    static final String REGISTRATION = "oidc";

    private final OidcProperties properties;
    private final OidcSignIn oidcSignIn;

    OidcLogin(
            OidcProperties properties,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.oidcSignIn =
                properties.enabled() ? new OidcSignIn(properties, jdbc, passwords, audit, transactions) : null;
    }

    /**
     * The provider that turns the code into tokens and a user. The pages' manager is set by hand (to gate local
     * passwords), so the one oauth2Login would have added is added here.
     */
    java.util.Optional<AuthenticationProvider> provider() {
        if (!properties.enabled()) {
            return java.util.Optional.empty();
        }
        var sso = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), oidcSignIn);
        sso.setJwtDecoderFactory(new OidcIdTokenDecoderFactory());
        return java.util.Optional.of(sso);
    }

    void configure(HttpSecurity http) throws Exception {
        if (!properties.enabled()) {
            return;
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientName(properties.name())
                .scope("openid", "profile", "email")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcSignIn))
                .defaultSuccessUrl("/dashboard", false)
                .failureUrl("/login?sso_error"));
    }
}
