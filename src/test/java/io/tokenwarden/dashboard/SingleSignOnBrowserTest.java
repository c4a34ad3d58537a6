package io.tokenwarden.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.PostgresTestConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import oidcprovider.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on in Chromium against a real OpenID Connect provider (Spring Authorization Server, in this JVM):
 * authorization code flow with PKCE, the role mapped from the groups claim and re-read at every sign-in, and a user
 * whose groups map to no role turned away with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "tokenwarden.embedded.ephemeral=true", "tokenwarden.demo.enabled=false",
        "tokenwarden.admin-password=" + Api.ADMIN_PASSWORD,
        "tokenwarden.oidc.client-id=" + TestOidcProvider.CLIENT_ID,
        "tokenwarden.oidc.client-secret=" + TestOidcProvider.CLIENT_SECRET,
        "tokenwarden.oidc.name=Test provider", "tokenwarden.oidc.roles-claim=groups",
        "tokenwarden.oidc.admin-values=tw-admins", "tokenwarden.oidc.finance-values=tw-finance,finance-team",
        "tokenwarden.oidc.engineer-values=tw-engineers", "tokenwarden.oidc.teams-claim=teams"})
@Import({PostgresTestConfiguration.class, Api.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnBrowserTest {

    static final int PORT = freePort();
    static final ConfigurableApplicationContext PROVIDER = TestOidcProvider.start(PORT);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("tokenwarden.oidc.issuer-uri", () -> TestOidcProvider.issuer(PROVIDER));
    }

    @Autowired
    JdbcClient jdbc;
    Browser browser;

    @BeforeAll
    void open() throws IOException {
        browser = Browser.open(PORT);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        PROVIDER.close();
    }

    @Test
    void aUserSignsInThroughTheProviderAndLandsOnTheDashboardWithTheMappedRoleReReadEachTime() throws Exception {
        TestOidcProvider.GROUPS.put("olivia", List.of("everyone", "tw-admins"));
        TestOidcProvider.TEAMS.put("olivia", List.of("platform", "legal"));

        signIn("olivia");

        assertThat(browser.currentPath()).isEqualTo("/dashboard");
        assertThat(browser.find("header").getText()).contains("olivia", "ROLE_ADMIN");
        assertThat(jdbc.sql("SELECT role || ' ' || source || ' ' || array_to_string(teams, ',') FROM app_user WHERE username = 'olivia'")
                .query(String.class).single()).isEqualTo("ADMIN oidc platform,legal");
        browser.screenshot("sso-dashboard");
        browser.drainConsole();
        browser.go("/dashboard");
        browser.awaitCharts();
        browser.assertNoConsoleErrors();
        browser.signOut();

        TestOidcProvider.GROUPS.put("olivia", List.of("finance-team"));
        signIn("olivia");
        assertThat(browser.find("header").getText()).contains("ROLE_FINANCE");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'user.oidc_claims' AND subject = 'olivia'")
                .query(Long.class).single()).isEqualTo(1);
        browser.signOut();
    }

    @Test
    void aUserWhoseGroupsGiveNoRoleIsTurnedAwayWithTheReason() {
        TestOidcProvider.GROUPS.put("nobody", List.of("marketing"));
        signIn("nobody");
        assertThat(browser.currentPath()).isEqualTo("/login");
        assertThat(browser.find("#sso-error").getText()).contains("gives a Tokenwarden role");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'nobody'").query(Long.class).single()).isZero();
    }

    private void signIn(String user) {
        browser.forgetSessions(TestOidcProvider.issuer(PROVIDER) + "/.well-known/openid-configuration");
        browser.go("/login");
        browser.find("#sign-in-sso").click();
        browser.awaitHost("127.0.0.1");
        browser.find("#username").sendKeys(user);
        browser.find("#password").sendKeys(TestOidcProvider.PASSWORD);
        browser.find("button[type=submit]").click();
        browser.awaitHost("localhost");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
