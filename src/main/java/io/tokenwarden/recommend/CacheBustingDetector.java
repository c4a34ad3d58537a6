package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.UseCaseWindow.map;

import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md 4.2: the prefix is meant to be stable but is not: at least 20 cacheable-length prefixes
 * of which at least half are distinct, or at least 90% of events writing a cache and under 10%
 * reading one.
 */
@Component
class CacheBustingDetector implements Detector {

    static final int MIN_EVENTS = 20;

    @Override
    public Kind kind() {
        return Kind.CACHE_BUSTING;
    }

    @Override
    public Optional<Finding> detect(UseCaseWindow window) {
        List<WindowEvent> prefixed = window.events().stream()
                .filter(e -> e.prefixHash() != null && PromptCachingDetector.longEnough(window, e))
                .toList();
        long distinct =
                prefixed.stream().map(WindowEvent::prefixHash).distinct().count();
        boolean neverRepeats = prefixed.size() >= MIN_EVENTS && distinct * 2 >= prefixed.size();
        List<WindowEvent> all = window.events();
        long writes = all.stream().filter(e -> e.usage().cacheCreation() > 0).count();
        long reads = all.stream().filter(e -> e.usage().cacheRead() > 0).count();
        boolean writtenNeverRead =
                all.size() >= MIN_EVENTS && writes * 10 >= all.size() * 9L && reads * 10 < all.size();
        CacheMisses misses = CacheMisses.of(window, all);
        if (!neverRepeats && !writtenNeverRead && !misses.busted()) {
            return Optional.empty();
        }
        List<WindowEvent> subject = (neverRepeats ? prefixed : all)
                .stream().filter(e -> prefixOf(e) > 0).toList();
        BigDecimal current = subject.stream()
                .map(e -> window.price(e, e.model(), billedPrefix(e)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<WindowEvent> shared =
                subject.stream().map(CacheBustingDetector::withPrefix).toList();
        CacheSimulation.Result oneShared = CacheSimulation.cheapest(window, shared, WindowEvent::model);
        BigDecimal saving = current.subtract(oneShared.projected());
        if (saving.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                kind(),
                "Stop busting the prompt cache of " + window.settings().useCase(),
                "high",
                window.monthly(saving),
                evidence(
                        map(
                                "events_with_prefix",
                                prefixed.size(),
                                "distinct_prefixes",
                                distinct,
                                "events",
                                all.size(),
                                "events_writing_cache",
                                writes,
                                "events_reading_cache",
                                reads,
                                "trigger",
                                neverRepeats ? "prefixes never repeat" : "cache written but never read",
                                "current_cost_usd",
                                Money.format(current),
                                "projected_cost_usd",
                                Money.format(oneShared.projected()),
                                "window_savings_usd",
                                Money.format(saving)),
                        all,
                        misses),
                map(
                        "projection",
                        "every event of a model shares one prefix, cached with the cheaper TTL",
                        "ttl",
                        oneShared.ttl().label,
                        "window_days",
                        window.windowDays(),
                        "min_events",
                        MIN_EVENTS),
                HowTo.cacheBusting()));
    }

    /**
     * Gateway traffic carries the system prompt's hash twice, raw and with digits, dates, UUIDs and e-mail addresses
     * masked: fewer masked forms than raw ones means values are interpolated into the prompt. Said with the
     * character offsets where they sit, never the text.
     */
    private static java.util.Map<String, Object> evidence(
            java.util.Map<String, Object> evidence, List<WindowEvent> all, CacheMisses misses) {
        misses.summary().ifPresent(summary -> evidence.put("cache_miss_reasons", summary));
        List<WindowEvent.GatewayEvidence> seen = all.stream()
                .map(WindowEvent::gateway)
                .filter(g -> g.systemHash() != null)
                .toList();
        long raw = seen.stream()
                .map(WindowEvent.GatewayEvidence::systemHash)
                .distinct()
                .count();
        long masked = seen.stream()
                .map(WindowEvent.GatewayEvidence::systemMaskedHash)
                .distinct()
                .count();
        if (masked < raw) {
            String offsets = seen.stream()
                    .map(WindowEvent.GatewayEvidence::maskedAt)
                    .filter(java.util.Objects::nonNull)
                    .flatMap(at -> java.util.Arrays.stream(at.split(",")))
                    .distinct()
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .collect(java.util.stream.Collectors.joining(", "));
            evidence.put(
                    "interpolated_values",
                    "the system prompt takes %d forms, %d once digits, dates, UUIDs and ".formatted(raw, masked)
                            + "e-mail addresses are masked: values are interpolated at character offsets "
                            + offsets);
        }
        return evidence;
    }

    /** The cached part: the prefix fingerprint's size, else what the API reports as cached. */
    private static long prefixOf(WindowEvent e) {
        return e.prefixTokens() != null
                ? e.prefixTokens()
                : e.usage().cacheCreation() + e.usage().cacheRead();
    }

    private static WindowEvent withPrefix(WindowEvent e) {
        return new WindowEvent(
                e.occurredAt(),
                e.model(),
                e.usage(),
                e.taskType(),
                e.latencyClass(),
                e.prefixHash(),
                prefixOf(e),
                e.conversationId(),
                e.turn(),
                e.businessUnits(),
                e.qualityScore(),
                e.gateway(),
                e.cacheMiss());
    }

    /** The prefix as it was billed: read, written (1-hour if any 1-hour write), or plain input. */
    private static TokenUsage billedPrefix(WindowEvent e) {
        long prefix = prefixOf(e);
        if (e.usage().cacheRead() > 0) {
            return UseCaseWindow.cacheRead(prefix);
        }
        if (e.usage().cacheCreation() > 0) {
            return UseCaseWindow.cacheWrite(prefix, e.usage().cacheWrite1h() > 0);
        }
        return UseCaseWindow.input(prefix);
    }
}
