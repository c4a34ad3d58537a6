package io.tokenwarden.security;

import io.tokenwarden.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins (form and HTTP Basic alike), per account and per client address. After an account's second failure
 * in a row each next attempt must wait 1, 2, 4... seconds (at most 30); an attempt before its time is refused
 * unchecked and counts as a failure. At {@code tokenwarden.login.lock-after} failures (5) an account, at
 * {@code address-lock-after} (50) an address, is locked for {@code lock-duration} (15 minutes): even the right
 * password is refused. A success clears the account and the address. Locks and unlocks are audited. The counts are
 * per instance, in memory: behind a load balancer an attacker gets the limits once per instance.
 */
@Component
class LoginThrottle {

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private record Failures(int count, Instant retryAt, Instant lockedUntil) {}

    /** Where locks and unlocks are written: the audit trail, in a transaction of their own. */
    interface Trail {
        void record(String action, String subject, String what);
    }

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Trail audit;
    private final Clock clock;
    private final int lockAfter;
    private final int addressLockAfter;
    private final Duration lockDuration;

    @Autowired
    LoginThrottle(AuditLog audit, TransactionTemplate transactions, Clock clock, AccessProperties properties) {
        this(
                (action, subject, what) -> {
                    try {
                        transactions.executeWithoutResult(tx -> audit.record("system", action, subject, null, what));
                    } catch (RuntimeException e) { // the database may be away: the lock holds all the same
                        log.warn(
                                "Sign-in {} of {} not audited ({})",
                                action,
                                subject,
                                e.getClass().getSimpleName());
                    }
                },
                clock,
                properties.login().lockAfter(),
                properties.login().addressLockAfter(),
                properties.login().lockDuration());
    }

    LoginThrottle(Trail audit, Clock clock, int lockAfter, int addressLockAfter, Duration lockDuration) {
        this.audit = audit;
        this.clock = clock;
        this.lockAfter = lockAfter;
        this.addressLockAfter = addressLockAfter;
        this.lockDuration = lockDuration;
    }

    /** Refuses, without checking the password, an attempt that is locked out or comes before its wait is over. */
    void check(String account, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {"account:" + account, "address:" + address}) {
            Failures f = failures.get(key);
            if (f == null) {
                continue;
            }
            if (f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
                throw new LockedException("Too many failed sign-ins: locked until " + f.lockedUntil() + ".");
            }
            if (f.lockedUntil() != null) {
                failures.remove(key, f);
                audit.record("login.unlock", key, "the lock expired");
            } else if (f.retryAt() != null && now.isBefore(f.retryAt())) {
                failed(account, address);
                throw new LockedException("Too many failed sign-ins: try again in a few seconds.");
            }
        }
    }

    void failed(String account, String address) {
        count("account:" + account, lockAfter);
        count("address:" + address, addressLockAfter);
    }

    void succeeded(String account, String address) {
        failures.remove("account:" + account);
        failures.remove("address:" + address);
    }

    private void count(String key, int limit) {
        Instant now = clock.instant();
        Failures after = failures.compute(key, (k, f) -> {
            int count = (f == null || f.lockedUntil() != null ? 0 : f.count()) + 1;
            if (count >= limit) {
                return new Failures(count, null, now.plus(lockDuration));
            }
            // waits per account only: an address (a whole office behind one NAT) is only ever locked
            long waitSeconds = count < 2 || key.startsWith("address:")
                    ? 0
                    : Math.min(1L << Math.min(count - 2, 10), MAX_WAIT.toSeconds());
            return new Failures(count, now.plusSeconds(waitSeconds), null);
        });
        if (after.lockedUntil() != null && after.count() == limit) {
            audit.record(
                    "login.lock", key, "locked until " + after.lockedUntil() + " after " + limit + " failed sign-ins");
        }
    }
}
