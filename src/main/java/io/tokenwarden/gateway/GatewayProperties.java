package io.tokenwarden.gateway;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenwarden.gateway.*}: where calls go (TOKENWARDEN_GATEWAY_UPSTREAM_URL), how long an upstream answer
 * may take, and the spool that keeps usage while PostgreSQL is unreachable.
 */
@ConfigurationProperties("tokenwarden.gateway")
record GatewayProperties(
        String upstreamUrl,
        Duration connectTimeout,
        Duration responseTimeout,
        Path spoolDir,
        int spoolMaxEntries,
        int recordQueue) {

    GatewayProperties {
        upstreamUrl = upstreamUrl == null ? "https://api.anthropic.com" : stripSlash(upstreamUrl);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofMinutes(10) : responseTimeout;
        spoolDir = spoolDir == null ? Path.of("data", "gateway-spool") : spoolDir;
        spoolMaxEntries = spoolMaxEntries <= 0 ? 1_000_000 : spoolMaxEntries;
        recordQueue = recordQueue <= 0 ? 10_000 : recordQueue;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
