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
 * whose groups map to no role turned away with the reason. In the same context (engineers see their own teams' use
 * cases only): team scoping in the API, for a personal token and in the pages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "tokenwarden.embedded.ephemeral=true",
            "tokenwarden.demo.enabled=false",
            "tokenwarden.admin-password=" + Api.ADMIN_PASSWORD,
            "tokenwarden.oidc.client-id=" + TestOidcProvider.CLIENT_ID,
            "tokenwarden.oidc.client-secret=" + TestOidcProvider.CLIENT_SECRET,
            "tokenwarden.oidc.name=Test provider",
            "tokenwarden.oidc.roles-claim=groups",
            "tokenwarden.oidc.admin-values=tw-admins",
            "tokenwarden.oidc.finance-values=tw-finance,finance-team",
            "tokenwarden.oidc.engineer-values=tw-engineers",
            "tokenwarden.oidc.teams-claim=teams",
            "tokenwarden.access.engineers=own-teams"
        })
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

    @Autowired
    Api api;

    @Autowired
    io.tokenwarden.security.UserAccounts users;

    @Autowired
    io.tokenwarden.analytics.RollupJob rollupJob;

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
        assertThat(jdbc.sql(
                                "SELECT role || ' ' || source || ' ' || array_to_string(teams, ',') FROM app_user WHERE username = 'olivia'")
                        .query(String.class)
                        .single())
                .isEqualTo("ADMIN oidc platform,legal");
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
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        browser.signOut();
    }

    @Test
    void aUserWhoseGroupsGiveNoRoleIsTurnedAwayWithTheReason() {
        TestOidcProvider.GROUPS.put("nobody", List.of("marketing"));
        signIn("nobody");
        assertThat(browser.currentPath()).isEqualTo("/login");
        assertThat(browser.find("#sso-error").getText()).contains("gives a Tokenwarden role");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'nobody'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEngineerOfOneTeamSeesOnlyThatTeamsUseCasesInTheApiAndThePages() throws Exception {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        String support = "scope-support-" + suffix;
        String legal = "scope-legal-" + suffix;
        api.putAsAdmin("/api/v1/use-cases/" + support, "{\"owner_team\": \"support-" + suffix + "\"}");
        api.putAsAdmin("/api/v1/use-cases/" + legal, "{\"owner_team\": \"legal-" + suffix + "\"}");
        api.ingestAll(
                api.newApp().apiKey(),
                List.of(
                        io.tokenwarden.support.Events.costing(
                                "s-" + suffix,
                                support,
                                java.time.Instant.now().minusSeconds(3600).toString(),
                                "1.25"),
                        io.tokenwarden.support.Events.costing(
                                "l-" + suffix,
                                legal,
                                java.time.Instant.now().minusSeconds(3600).toString(),
                                "7.00")));
        rollupJob.catchUp(java.time.Duration.ofSeconds(30));
        String eve = "eve-" + suffix;
        users.create(eve, "eve-password", io.tokenwarden.security.Role.ENGINEER, "test");
        users.setTeams(eve, List.of("support-" + suffix), "test");
        String fin = "fin-" + suffix;
        users.create(fin, "fin-password", io.tokenwarden.security.Role.FINANCE, "test");

        tools.jackson.databind.JsonNode spend =
                api.getAs(eve, "eve-password", "/api/v1/reports/spend").json();
        assertThat(spend.get("rows").valueStream().map(r -> r.get("key").stringValue()))
                .containsExactly(support);
        assertThat(new java.math.BigDecimal(spend.get("total_cost_usd").stringValue()))
                .isEqualByComparingTo("1.25");
        tools.jackson.databind.JsonNode byModel = api.getAs(eve, "eve-password", "/api/v1/reports/spend?group_by=model")
                .json();
        assertThat(new java.math.BigDecimal(byModel.get("total_cost_usd").stringValue()))
                .isEqualByComparingTo("1.25");
        assertThat(api.getAs(eve, "eve-password", "/api/v1/reports/spend?group_by=tag:team")
                        .status())
                .isEqualTo(403);
        assertThat(api.getAs(eve, "eve-password", "/api/v1/reports/pareto")
                        .json()
                        .get("use_case_count")
                        .intValue())
                .isEqualTo(1);
        assertThat(api.getAs(eve, "eve-password", "/api/v1/use-cases")
                        .json()
                        .valueStream()
                        .map(u -> u.get("use_case").stringValue()))
                .containsExactly(support);
        jdbc.sql("""
                        INSERT INTO recommendation (use_case, kind, title, status, confidence, estimated_monthly_savings,
                            evidence, assumptions, how_to) VALUES (?, 'batch_api', 't', 'open', 'high', 1, '{}', '{}', 'h')""").param(legal).update();
        long legalRecommendation = jdbc.sql("SELECT id FROM recommendation WHERE use_case = ?")
                .param(legal)
                .query(Long.class)
                .single();
        assertThat(api.getAs(eve, "eve-password", "/api/v1/recommendations")
                        .json()
                        .valueStream()
                        .map(r -> r.get("use_case").stringValue()))
                .doesNotContain(legal);
        assertThat(api.send(api.jsonPost(
                                        "/api/v1/recommendations/" + legalRecommendation + "/status",
                                        "{\"status\": \"accepted\"}")
                                .header("Authorization", Api.basic(eve, "eve-password")))
                        .status())
                .as("another team's recommendation does not exist for her")
                .isEqualTo(404);
        assertThat(api.getAs(eve, "eve-password", "/api/v1/alerts")
                        .json()
                        .valueStream()
                        .map(a -> a.get("use_case").stringValue()))
                .doesNotContain(legal);
        assertThat(api.getAs(fin, "fin-password", "/api/v1/recommendations")
                        .json()
                        .valueStream()
                        .map(r -> r.get("use_case").stringValue()))
                .contains(legal);
        assertThat(api.getAs(fin, "fin-password", "/api/v1/reports/spend")
                        .json()
                        .get("rows")
                        .valueStream()
                        .map(r -> r.get("key").stringValue()))
                .contains(support, legal);

        String token = api.send(api.jsonPost("/api/v1/tokens", "{\"name\": \"eve's script\"}")
                        .header("Authorization", Api.basic(eve, "eve-password")))
                .json()
                .get("token")
                .stringValue();
        assertThat(api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/use-cases"))
                                .header("Authorization", "Bearer " + token))
                        .json()
                        .valueStream()
                        .map(u -> u.get("use_case").stringValue()))
                .as("a token sees what its owner sees")
                .containsExactly(support);

        browser.login(eve, "eve-password").go("/features");
        assertThat(browser.find("main").getText()).contains(support).doesNotContain(legal);
        browser.go("/features/" + legal);
        assertThat(browser.find("body").getText()).doesNotContain("Spend per day");
        browser.go("/dashboard");
        assertThat(browser.currentPath()).isEqualTo("/features");
        assertThat(io.tokenwarden.support.PageSession.signIn(api, eve, "eve-password")
                        .response("/features/" + legal)
                        .statusCode())
                .isEqualTo(404);
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
