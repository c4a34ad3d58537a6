package io.tokenwarden.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The alerts' settings: {@code tokenwarden.public-url} (the links in a notification lead there),
 * {@code tokenwarden.alerts.mail-from}, and how deliveries retry ({@code retry-base}, doubled per attempt) and how long
 * one worker holds a delivery before another may take it ({@code lease}).
 */
@ConfigurationProperties("tokenwarden")
record AlertProperties(String publicUrl, Alerts alerts) {

    AlertProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : stripSlash(publicUrl);
        alerts = alerts == null ? new Alerts(null, null, null) : alerts;
    }

    record Alerts(String mailFrom, Duration retryBase, Duration lease) {

        Alerts {
            mailFrom = mailFrom == null || mailFrom.isBlank() ? "tokenwarden@localhost" : mailFrom;
            retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
            lease = lease == null ? Duration.ofSeconds(60) : lease;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
