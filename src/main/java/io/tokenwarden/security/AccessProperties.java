package io.tokenwarden.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and key settings: the first admin's password ({@code tokenwarden.admin-password}, TOKENWARDEN_ADMIN_PASSWORD;
 * empty: one is generated and printed once), the per-key rate limit of the ingestion API ({@code rate-limit.*}; 0
 * requests a second turns it off) and the sign-in lock ({@code login.*}). Single sign-on has its own
 * {@link OidcProperties}.
 */
@ConfigurationProperties("tokenwarden")
record AccessProperties(String adminPassword, RateLimit rateLimit, Login login) {

    AccessProperties {
        adminPassword = adminPassword == null ? "" : adminPassword;
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        login = login == null ? new Login(null, null, null) : login;
    }

    record RateLimit(Long requestsPerSecond, Long burst) {

        RateLimit {
            requestsPerSecond = requestsPerSecond == null ? 100 : requestsPerSecond;
            burst = burst == null ? 200 : burst;
        }
    }

    record Login(Integer lockAfter, Integer addressLockAfter, Duration lockDuration) {

        Login {
            lockAfter = lockAfter == null ? 5 : lockAfter;
            addressLockAfter = addressLockAfter == null ? 50 : addressLockAfter;
            lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        }
    }
}
