package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.security.StoredKeyCache.StoredKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoredKeyCacheTest {

    private final AtomicInteger reads = new AtomicInteger();
    private long now = 1_000;
    private final StoredKeyCache cache = new StoredKeyCache(() -> now);
    private final StoredKey key = new StoredKey(7, "app", new byte[32]);

    private Optional<StoredKey> fromDatabase(String keyId) {
        reads.incrementAndGet();
        return keyId.equals("known") ? Optional.of(key) : Optional.empty();
    }

    @Test
    void aKnownKeyIsReadOnceWithinTheTtlAndAgainAfterIt() {
        assertThat(cache.get("known", this::fromDatabase)).contains(key);
        now += StoredKeyCache.TTL.toNanos() - 1;
        assertThat(cache.get("known", this::fromDatabase)).contains(key);
        assertThat(reads).hasValue(1);

        now += 1;
        assertThat(cache.get("known", this::fromDatabase)).contains(key);
        assertThat(reads).hasValue(2);
    }

    @Test
    void unknownKeysAreNeverKept() {
        cache.get("unknown", this::fromDatabase);
        cache.get("unknown", this::fromDatabase);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRevocationDropsEveryKeptKey() {
        cache.get("known", this::fromDatabase);
        cache.invalidateAll();
        cache.get("known", this::fromDatabase);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aKeyReadWhileARevocationCommittedIsNotKept() {
        // The read may have seen the row before the revocation: keeping it would let a revoked key in for the TTL.
        cache.get("known", id -> {
            cache.invalidateAll();
            return fromDatabase(id);
        });
        cache.get("known", this::fromDatabase);
        assertThat(reads).hasValue(2);
    }
}
