package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import io.tokenwarden.support.PageSession;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 19's login hardening over HTTP: lock-out, security headers on pages, session cookie, fixation, logout. */
@IntegrationTest
class LoginHardeningTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessSettings access;

    @Test
    void thirtyWrongPasswordsLockTheAccountAndTheRightOneIsThenRefused() {
        String user = "locky-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(user, "right-password", Role.ENGINEER, "test");
        assertThat(basic(user, "right-password")).isEqualTo(200);

        for (int i = 0; i < 30; i++) {
            assertThat(basic(user, "wrong-" + i)).isEqualTo(401);
        }

        assertThat(basic(user, "right-password"))
                .as("locked: the right password is refused too")
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'login.lock' AND subject = ?")
                        .param("account:" + user)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(basic("admin", Api.ADMIN_PASSWORD))
                .as("other accounts are not locked")
                .isEqualTo(200);
    }

    @Test
    void everyPageSendsTheContentSecurityPolicyAndItsCompanions() throws Exception {
        PageSession pages = PageSession.signIn(api, "admin", Api.ADMIN_PASSWORD);
        for (String path : List.of(
                "/dashboard",
                "/features",
                "/recommendations",
                "/admin/use-cases",
                "/admin/prices",
                "/admin/alerts",
                "/admin/audit")) {
            HttpResponse<String> page = pages.response(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self';")
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(page.headers().firstValue("Permissions-Policy")).as(path).isPresent();
        }
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(api.uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void signingInChangesTheSessionIdAndSigningOutEndsTheSession() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String form = http.send(HttpRequest.newBuilder(api.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String before = session(cookies);
        HttpResponse<Void> signedIn = http.send(
                post(
                        "/login",
                        "username=admin&password=" + URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                                + "&_csrf=" + csrf(form)),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax");
        String after = session(cookies);
        assertThat(after).as("session fixation: a new id after sign-in").isNotEqualTo(before);
        assertThat(withSession(before, "/dashboard"))
                .as("the pre-login session is worth nothing")
                .isEqualTo(302);
        assertThat(withSession(after, "/dashboard")).isEqualTo(200);

        String page = http.send(
                        HttpRequest.newBuilder(api.uri("/dashboard")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(http.send(post("/logout", "_csrf=" + csrf(page)), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(302);
        assertThat(withSession(after, "/dashboard"))
                .as("signed out: the old session is gone")
                .isEqualTo(302);
    }

    @Test
    void anAdminTurnsOffLocalPasswordsAndHttpBasicAndTheBootstrapAdminStillGetsIn() throws Exception {
        String user = "local-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(user, "local-password", Role.FINANCE, "test");
        PageSession admin = PageSession.signIn(api, "admin", Api.ADMIN_PASSWORD);
        try {
            assertThat(admin.post("/admin/access", "local_login=on")).isEqualTo(302); // http_basic unticked
            access.refresh();
            assertThat(basic(user, "local-password")).as("HTTP Basic off").isEqualTo(401);
            assertThat(basic("admin", Api.ADMIN_PASSWORD)).isEqualTo(401);
            assertThat(admin.post("/admin/access", "http_basic=on")).isEqualTo(302); // local passwords off
            access.refresh();
            assertThat(basic(user, "local-password")).isEqualTo(200);
            assertThat(PageSession.signIn(api, "admin", Api.ADMIN_PASSWORD))
                    .as("the bootstrap admin keeps it")
                    .isNotNull();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                            () -> PageSession.signIn(api, user, "local-password")))
                    .as("a local user cannot sign in on the pages")
                    .hasMessageContaining("login answered");
        } finally {
            assertThat(admin.post("/admin/access", "local_login=on&http_basic=on"))
                    .isEqualTo(302);
            access.refresh();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'access.set'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(6);
    }

    private int basic(String user, String password) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/use-cases"))
                        .header("Authorization", Api.basic(user, password)))
                .status();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private int withSession(String sessionId, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api.uri(path))
                                .header("Cookie", "JSESSIONID=" + sessionId)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
