package io.tokenwarden.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser session without a browser: form login with its CSRF token, then GETs with the cookie. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final Api api;
    private final HttpClient http;

    private PageSession(Api api, HttpClient http) {
        this.api = api;
        this.http = http;
    }

    public static PageSession signIn(Api api, String user, String password) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = http.send(HttpRequest.newBuilder(api.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<Void> answer = http.send(
                HttpRequest.newBuilder(api.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login answered " + answer.statusCode() + " to " + location);
        }
        return new PageSession(api, http);
    }

    /** GETs a page and fails unless it answers 200 (a redirect to /login would time the wrong thing). */
    public int get(String path) {
        html(path);
        return 200;
    }

    /** Posts a form as the page would (with the session's CSRF token); the answer's status. */
    public int post(String path, String form) {
        Matcher csrf = CSRF.matcher(html("/dashboard"));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /dashboard");
        }
        try {
            return http.send(
                            HttpRequest.newBuilder(api.uri(path))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf.group(1))))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole answer, whatever its status. */
    public HttpResponse<String> response(String path) {
        try {
            return http.send(HttpRequest.newBuilder(api.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The page's HTML; fails unless it answers 200. */
    public String html(String path) {
        try {
            HttpResponse<String> page =
                    http.send(HttpRequest.newBuilder(api.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode());
            }
            return page.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
