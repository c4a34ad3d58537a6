package io.tokenwarden.recommend;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DESIGN.md 4.1: per group, in time order, an event is a cache hit when the previous event of its
 * group came at most one TTL before; otherwise it writes the cache. Hits cost the prefix at the
 * cache-read price, writes at the 5-minute or 1-hour write price.
 */
final class CacheSimulation {

    enum Ttl {
        FIVE_MINUTES("5m", Duration.ofMinutes(5), false),
        ONE_HOUR("1h", Duration.ofHours(1), true);

        final String label;
        final Duration duration;
        final boolean oneHourWrite;

        Ttl(String label, Duration duration, boolean oneHourWrite) {
            this.label = label;
            this.duration = duration;
            this.oneHourWrite = oneHourWrite;
        }
    }

    record Result(Ttl ttl, long hits, long writes, BigDecimal projected) {}

    private CacheSimulation() {}

    /** Both TTLs; the cheaper one (5 minutes on a tie). */
    static Result cheapest(UseCaseWindow window, List<WindowEvent> timeOrdered, Function<WindowEvent, Object> group) {
        Result five = simulate(window, timeOrdered, group, Ttl.FIVE_MINUTES);
        Result hour = simulate(window, timeOrdered, group, Ttl.ONE_HOUR);
        return hour.projected().compareTo(five.projected()) < 0 ? hour : five;
    }

    static Result simulate(
            UseCaseWindow window, List<WindowEvent> timeOrdered, Function<WindowEvent, Object> group, Ttl ttl) {
        Map<Object, Instant> lastSeen = new HashMap<>();
        long hits = 0;
        BigDecimal projected = BigDecimal.ZERO;
        for (WindowEvent event : timeOrdered) {
            Instant previous = lastSeen.put(group.apply(event), event.occurredAt());
            boolean hit = previous != null && !event.occurredAt().isAfter(previous.plus(ttl.duration));
            long prefix = event.prefixTokens();
            projected = projected.add(window.price(
                    event,
                    event.model(),
                    hit ? UseCaseWindow.cacheRead(prefix) : UseCaseWindow.cacheWrite(prefix, ttl.oneHourWrite)));
            hits += hit ? 1 : 0;
        }
        return new Result(ttl, hits, timeOrdered.size() - hits, projected);
    }
}
