package io.tokenwarden.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic is stateless, so every script call would pay a BCrypt check (about 100 ms). A
 * successful check is remembered for a minute under a SHA-256 of the user name and password (never
 * the password itself); anything else goes to the BCrypt-checking provider, so guessing gains nothing.
 */
final class VerifiedCredentialsCache implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(Authentication authentication, Instant until) {}

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedCredentialsCache(AuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String key = key(request.getName(), String.valueOf(request.getCredentials()));
        Verified hit = verified.get(key);
        Instant now = clock.instant();
        if (hit != null && now.isBefore(hit.until())) {
            return hit.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Verified(result, now.plus(TTL)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(username.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
