package oidcprovider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server, in the test JVM, on 127.0.0.1 (another
 * cookie host than the app's localhost, so the two sessions do not overwrite each other). Its users and their groups
 * and teams claims are set by the tests; the group of a user can change between two sign-ins.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "io.tokenwarden.embedded.EmbeddedPostgresAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration"
        })
public class TestOidcProvider {

    public static final String CLIENT_ID = "tokenwarden";
    public static final String CLIENT_SECRET = "provider-test-secret";
    public static final String PASSWORD = "provider-password";
    /** user name -> groups; the tests change it. */
    public static final Map<String, List<String>> GROUPS = new ConcurrentHashMap<>();

    public static final Map<String, List<String>> TEAMS = new ConcurrentHashMap<>();

    /** Starts the provider on a free port; the app's sign-in callback on {@code appPort} is its one redirect URI. */
    public static ConfigurableApplicationContext start(int appPort) {
        String client = "spring.security.oauth2.authorizationserver.client.tokenwarden.";
        return new SpringApplicationBuilder(TestOidcProvider.class)
                .properties(Map.ofEntries(
                        Map.entry("spring.config.name", "oidc-provider"), // not the app's application.properties
                        Map.entry("server.address", "127.0.0.1"),
                        Map.entry("server.port", "0"),
                        Map.entry("spring.main.banner-mode", "off"),
                        Map.entry("spring.jmx.enabled", "false"),
                        Map.entry("management.endpoints.enabled-by-default", "false"),
                        Map.entry(client + "registration.client-id", CLIENT_ID),
                        Map.entry(client + "registration.client-secret", "{noop}" + CLIENT_SECRET),
                        Map.entry(client + "registration.client-authentication-methods", "client_secret_basic"),
                        Map.entry(
                                client + "registration.authorization-grant-types", "authorization_code,refresh_token"),
                        Map.entry(
                                client + "registration.redirect-uris",
                                "http://localhost:" + appPort + "/login/oauth2/code/oidc"),
                        Map.entry(client + "registration.scopes", "openid,profile,email"),
                        Map.entry(client + "require-authorization-consent", "false"),
                        Map.entry(client + "require-proof-key", "true")))
                .run();
    }

    public static String issuer(ConfigurableApplicationContext provider) {
        return "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("olivia")
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("felix")
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build(),
                User.withUsername("nobody")
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build());
    }

    /** The ID token carries preferred_username, groups and teams, as Okta or Keycloak can be set up to. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                String user = context.getPrincipal().getName();
                context.getClaims()
                        .claim("preferred_username", user)
                        .claim("groups", GROUPS.getOrDefault(user, List.of()))
                        .claim("teams", TEAMS.getOrDefault(user, List.of()));
            }
        };
    }
}
