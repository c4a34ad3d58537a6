package io.tokenwarden.gateway;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Sends a call on to the upstream as the app made it: the same method, path, query, headers and bytes, less the
 * X-Tokenwarden-* headers and what belongs to one connection only (Host, Connection, Content-Length...). The
 * app's credential goes through untouched and is read by nobody here.
 *
 * <p>A blocking HTTP/1.1 client over pooled keep-alive connections, run on the request's own virtual thread: the
 * JDK's HttpClient handed every exchange between the request thread and its selector thread, and on two cores those
 * hand-offs were most of the gateway's added latency. Nothing here decodes, retries, redirects or keeps cookies; the
 * client adds a User-Agent only to a request that has none (as the JDK's did).
 */
@Component
class Upstream {

    private static final Set<String> NOT_FORWARDED = Set.of(
            "host",
            "connection",
            "keep-alive",
            "content-length",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "expect",
            "proxy-authorization",
            "proxy-connection",
            "http2-settings");
    /** Thousands of streams may be open at once, each holding one connection for its whole length. */
    private static final int MAX_CONNECTIONS = 10_000;

    private final CloseableHttpClient client;
    private final HttpHost target;
    private final GatewayProperties properties;

    Upstream(GatewayProperties properties) {
        this.properties = properties;
        this.target = HttpHost.create(java.net.URI.create(properties.upstreamUrl()));
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .setTimeToLive(TimeValue.ofMinutes(5))
                .build();
        // the minimal client: lease a pooled connection, send, read; no redirects, retries, authentication, cookies
        // or decompression to skip, and none of the full client's exec chain, which cost more CPU than the exchange
        this.client = HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(connections)
                .build());
    }

    Answer send(HttpServletRequest request, String path, byte[] body) throws IOException {
        String query = request.getQueryString();
        HttpUriRequestBase upstream = new HttpUriRequestBase(
                request.getMethod(),
                java.net.URI.create(properties.upstreamUrl() + path + (query == null ? "" : "?" + query)));
        if (body.length > 0 || "POST".equals(request.getMethod())) {
            upstream.setEntity(new ByteArrayEntity(body, null)); // the app's own Content-Type is forwarded below
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith("x-tokenwarden-")) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                upstream.addHeader(name, value);
            }
        }
        // executeOpen leaves the body open for relaying; Answer closes the response
        ClassicHttpResponse response = client.executeOpen(target, upstream, null);
        return new Answer(upstream, response);
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }

    /** Response headers that describe one connection and are not relayed; the servlet container sets its own. */
    static boolean relayed(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return !lower.startsWith(":") && !NOT_FORWARDED.contains(lower);
    }

    /** The upstream's answer while its body is being relayed: status, headers (names in any case) and the raw body. */
    static final class Answer implements AutoCloseable {

        private final HttpUriRequestBase request;
        private final ClassicHttpResponse response;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private boolean aborted;

        private Answer(HttpUriRequestBase request, ClassicHttpResponse response) {
            this.request = request;
            this.response = response;
            for (Header header : response.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1))
                        .add(header.getValue());
            }
        }

        int statusCode() {
            return response.getCode();
        }

        Map<String, List<String>> headers() {
            return headers;
        }

        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The body as the upstream sent it (content-encoded bytes stay encoded), de-chunked. */
        InputStream body() throws IOException {
            HttpEntity entity = response.getEntity();
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        }

        /** Ends the upstream exchange at once, dropping its connection: the app went away mid-answer. */
        void abort() {
            aborted = true;
            request.cancel();
        }

        @Override
        public void close() throws IOException {
            try {
                response.close();
            } catch (IOException e) {
                if (!aborted) {
                    throw e;
                } // an aborted exchange's connection is already closed and out of the pool
            }
        }
    }
}
