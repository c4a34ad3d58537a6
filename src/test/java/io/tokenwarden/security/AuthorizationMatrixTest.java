package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every API endpoint (read from the service's own OpenAPI document, so none is forgotten) against
 * every kind of caller, checked with a table written from API.md's roles, independently of the
 * security configuration. Plus CSRF on every state-changing page, read from the request mappings.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final Set<String> APP_ONLY = Set.of("/api/v1/events", "/api/v1/outcomes", "/v1/traces");

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String suffix = UUID.randomUUID().toString().substring(0, 6);
    Api.NewApp app;

    @BeforeAll
    void createCallers() {
        users.create("finance-" + suffix, "pw-finance", Role.FINANCE, "test");
        users.create("engineer-" + suffix, "pw-engineer", Role.ENGINEER, "test");
        app = api.newApp();
    }

    /** API.md's roles: which callers may use an endpoint. */
    static Set<String> allowed(String method, String path) {
        if (APP_ONLY.contains(path)) {
            return Set.of("app");
        }
        if (path.startsWith("/api/v1/tokens")) { // a person's own tokens, whatever the role
            return Set.of("ADMIN", "FINANCE", "ENGINEER");
        }
        if (path.startsWith("/api/v1/apps")
                || path.startsWith("/api/v1/alert-channels")
                || (method.equals("POST") && (path.equals("/api/v1/prices") || path.startsWith("/api/v1/catalog")))
                || method.equals("PUT")
                || method.equals("DELETE")) {
            return Set.of("ADMIN");
        }
        if (path.startsWith("/api/v1/exports") || path.startsWith("/api/v1/reconciliation")) {
            return Set.of("ADMIN", "FINANCE");
        }
        if (method.equals("POST") && path.startsWith("/api/v1/recommendations")) {
            return Set.of("ADMIN", "ENGINEER");
        }
        return Set.of("ADMIN", "FINANCE", "ENGINEER");
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheContractSays() {
        JsonNode paths = api.send(
                        HttpRequest.newBuilder(api.uri("/v3/api-docs")).GET())
                .json()
                .get("paths");
        List<String> checked = new ArrayList<>();
        for (String template : paths.propertyNames()) {
            for (String method : paths.get(template).propertyNames()) {
                String verb = method.toUpperCase();
                String path = template.replaceAll("\\{[^}]+}", "matrix-missing");
                for (Map.Entry<String, String> caller : callers().entrySet()) {
                    int status = call(verb, path, caller.getValue());
                    boolean mayUse = allowed(verb, template).contains(caller.getKey());
                    String what = verb + " " + template + " as " + caller.getKey() + " -> " + status;
                    if (mayUse) {
                        assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(status).as(what).isIn(401, 403);
                    }
                    checked.add(what);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(25 * 5); // 27 operations today
    }

    @Test
    void everyStateChangingPageNeedsCsrfAndIngestionIgnoresCookies() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(
                        HttpRequest.newBuilder(api.uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(
                form("/login", "username=admin&password=" + Api.ADMIN_PASSWORD + "&_csrf=" + token.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        List<String> pagePosts = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                info.getPatternValues().stream()
                        .filter(p -> !p.startsWith("/api/") && !p.startsWith("/v1/"))
                        .forEach(pagePosts::add);
            }
        }
        assertThat(pagePosts).hasSizeGreaterThanOrEqualTo(6);
        for (String page : pagePosts) {
            String path = page.replaceAll("\\{[^}]+}", "matrix-missing");
            int status = browser.send(form(path, "status=accepted"), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).as("POST " + page + " without a CSRF token").isEqualTo(403);
        }
        int withCookieOnly = browser.send(
                        HttpRequest.newBuilder(api.uri("/api/v1/events"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(withCookieOnly).as("a signed-in session is no app key").isEqualTo(401);
    }

    private Map<String, String> callers() {
        return Map.of(
                "ADMIN",
                Api.basic("admin", Api.ADMIN_PASSWORD),
                "FINANCE",
                Api.basic("finance-" + suffix, "pw-finance"),
                "ENGINEER",
                Api.basic("engineer-" + suffix, "pw-engineer"),
                "app",
                "Bearer " + app.apiKey(),
                "anonymous",
                "");
    }

    private int call(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET") || method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return api.send(request).status();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
