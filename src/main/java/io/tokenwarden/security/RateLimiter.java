package io.tokenwarden.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per app key (Bucket4j), in this instance's memory: a burst of {@code burst}
 * requests, refilled at {@code perSecond}. One noisy key empties only its own bucket.
 */
@Component
class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long perSecond;
    private final long burst;

    RateLimiter(AccessProperties properties) {
        this.perSecond = properties.rateLimit().requestsPerSecond();
        this.burst = properties.rateLimit().burst();
    }

    /** Empty when the request may go on; else the seconds to wait (at least 1) for Retry-After. */
    OptionalLong tryAcquire(String keyId) {
        if (perSecond <= 0) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(
                        keyId,
                        k -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
