package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-24T00:00:00Z");

    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (!"right".equals(request.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    request.getName(), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    private final VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void rightCredentialsAreCheckedOnceAMinuteAndWrongOnesEveryTime() {
        for (int i = 0; i < 5; i++) {
            assertThat(cache.authenticate(basic("ada", "right")).isAuthenticated())
                    .isTrue();
        }
        assertThat(checks).hasValue(1);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate(basic("ada", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(4);

        now = now.plus(Duration.ofSeconds(61));
        cache.authenticate(basic("ada", "right"));
        assertThat(checks).hasValue(5);
    }

    @Test
    void anotherUserWithTheSamePasswordIsCheckedApart() {
        cache.authenticate(basic("ada", "right"));
        cache.authenticate(basic("bob", "right"));

        assertThat(checks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
