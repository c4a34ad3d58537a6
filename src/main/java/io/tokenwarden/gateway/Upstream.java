package io.tokenwarden.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sends a call on to the upstream as the app made it: the same method, path, query, headers and bytes, less the
 * X-Tokenwarden-* headers and what belongs to one connection only (Host, Connection, Content-Length...). The
 * app's credential goes through untouched and is read by nobody here.
 */
@Component
class Upstream {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "keep-alive", "content-length",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "proxy-authorization", "proxy-connection",
            "http2-settings");

    private final HttpClient client;
    private final GatewayProperties properties;

    Upstream(GatewayProperties properties) {
        this.properties = properties;
        // Plain http (a local stand-in, a sidecar) speaks HTTP/1.1; the h2c upgrade dance would only cost a round trip.
        // The client's own thread hands each response straight on to the waiting request thread: with its default
        // executor every response went through one more pool (a hand-off and a wake-up per call).
        this.client = HttpClient.newBuilder().executor(Runnable::run).connectTimeout(properties.connectTimeout())
                .version(properties.upstreamUrl().startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<InputStream> send(HttpServletRequest request, String path, byte[] body)
            throws IOException, InterruptedException {
        String query = request.getQueryString();
        HttpRequest.Builder upstream = HttpRequest.newBuilder(URI.create(properties.upstreamUrl() + path
                        + (query == null ? "" : "?" + query)))
                .timeout(properties.responseTimeout())
                .method(request.getMethod(), body.length == 0 && !"POST".equals(request.getMethod())
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith("x-tokenwarden-")) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                upstream.header(name, value);
            }
        }
        return client.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Response headers that describe one connection and are not relayed; the servlet container sets its own. */
    static boolean relayed(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return !lower.startsWith(":") && !NOT_FORWARDED.contains(lower);
    }
}
