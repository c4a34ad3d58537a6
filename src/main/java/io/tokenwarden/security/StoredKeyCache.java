package io.tokenwarden.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Stored app keys by key id, kept for a few seconds: reading the key row on every request was a tenth
 * of the request threads' CPU samples of single-event posts (JFR). Only keys that exist are kept (unknown ids always go to the
 * database), the presented secret is still hashed and compared on every request, and a revocation
 * on this instance empties the cache once it commits. Another instance's revocation takes effect
 * here within {@link #TTL}.
 */
final class StoredKeyCache {

    static final Duration TTL = Duration.ofSeconds(5);

    record StoredKey(long appId, String appName, byte[] secretHash) {}

    private record Entry(StoredKey key, long generation, long expiresAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by each revocation: an entry loaded before it (maybe from the row before the revocation) is not used. */
    private final AtomicLong generation = new AtomicLong();

    private final LongSupplier nanoTime;

    StoredKeyCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Optional<StoredKey> get(String keyId, Function<String, Optional<StoredKey>> load) {
        long now = nanoTime.getAsLong();
        long current = generation.get();
        Entry entry = entries.get(keyId);
        if (entry != null && entry.generation() == current && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.key());
        }
        Optional<StoredKey> loaded = load.apply(keyId);
        if (loaded.isPresent()) {
            entries.put(keyId, new Entry(loaded.get(), current, now + TTL.toNanos()));
        } else {
            entries.remove(keyId);
        }
        return loaded;
    }

    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
