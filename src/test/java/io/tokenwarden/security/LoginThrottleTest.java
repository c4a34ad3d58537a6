package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.LockedException;

/** Growing waits, then a lock, per account and per address; the audit trail sees each lock and unlock. */
class LoginThrottleTest {

    private final List<String> trail = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(
            (action, subject, what) -> trail.add(action + " " + subject),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            5,
            8,
            Duration.ofMinutes(15));

    @Test
    void waitsGrowAfterTheSecondFailureAndAnAttemptTooSoonIsRefusedUnchecked() {
        throttle.failed("ana", "10.0.0.1");
        throttle.check("ana", "10.0.0.1"); // one failure: no wait
        throttle.failed("ana", "10.0.0.1");
        assertThatThrownBy(() -> throttle.check("ana", "10.0.0.1"))
                .isInstanceOf(LockedException.class)
                .hasMessageContaining("try again");
        now = now.plusSeconds(3);
        throttle.check("ana", "10.0.0.1"); // the refused attempt made it 3 failures: a 2-s wait, now over
        throttle.succeeded("ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.1");
        throttle.check("ana", "10.0.0.1");
        assertThat(trail).isEmpty();
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresEvenForTheRightPasswordAndUnlockedWhenTheLockExpires() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("bo", "10.0.0." + i); // from five addresses: the account's count still grows
            now = now.plusSeconds(60);
        }
        assertThatThrownBy(() -> throttle.check("bo", "10.0.0.9"))
                .isInstanceOf(LockedException.class)
                .hasMessageContaining("locked until 2026-12-02T10:19:00Z");
        assertThat(trail).containsExactly("login.lock account:bo");
        now = now.plus(Duration.ofMinutes(13));
        assertThatThrownBy(() -> throttle.check("bo", "10.0.0.9")).isInstanceOf(LockedException.class);
        now = now.plus(Duration.ofMinutes(2));
        throttle.check("bo", "10.0.0.9");
        assertThat(trail).containsExactly("login.lock account:bo", "login.unlock account:bo");
    }

    @Test
    void anAddressTryingManyAccountsIsLockedForAllOfThem() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        throttle.check("someone-else", "10.9.9.9"); // an address has no waits: one person's typos hold up no one
        throttle.failed("user7", "10.9.9.9");
        assertThatThrownBy(() -> throttle.check("someone-else", "10.9.9.9")).isInstanceOf(LockedException.class);
        throttle.check("someone-else", "10.9.9.8");
        assertThat(trail).containsExactly("login.lock address:10.9.9.9");
    }
}
