package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.UseCaseWindow.map;

import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** DESIGN.md 4.1: a stable prefix long enough to cache, sent without any cache activity. */
@Component
class PromptCachingDetector implements Detector {

    @Override
    public Kind kind() {
        return Kind.PROMPT_CACHING;
    }

    @Override
    public Optional<Finding> detect(UseCaseWindow window) {
        List<WindowEvent> eligible = window.events().stream()
                .filter(e -> e.prefixHash() != null && !e.hasCacheActivity() && longEnough(window, e))
                .toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal current = eligible.stream()
                .map(e -> window.price(e, e.model(), UseCaseWindow.input(e.prefixTokens())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        CacheSimulation.Result best = CacheSimulation.cheapest(window, eligible, e -> e.model() + "|" + e.prefixHash());
        BigDecimal saving = current.subtract(best.projected());
        if (saving.signum() <= 0) {
            return Optional.empty();
        }
        long prefixes = eligible.stream()
                .map(e -> e.model() + "|" + e.prefixHash())
                .distinct()
                .count();
        BigDecimal medianPrefix = UseCaseWindow.median(
                eligible.stream().map(e -> BigDecimal.valueOf(e.prefixTokens())).toList());
        return Optional.of(new Finding(
                kind(),
                "Cache the stable %s-token prompt prefix of %s"
                        .formatted(
                                medianPrefix.toPlainString(), window.settings().useCase()),
                "high",
                window.monthly(saving),
                map(
                        "eligible_events",
                        eligible.size(),
                        "distinct_prefixes",
                        prefixes,
                        "simulated_hits",
                        best.hits(),
                        "simulated_writes",
                        best.writes(),
                        "median_prefix_tokens",
                        medianPrefix,
                        "prefix_tokens",
                        prefixSource(eligible),
                        "current_cost_usd",
                        Money.format(current),
                        "projected_cost_usd",
                        Money.format(best.projected()),
                        "window_savings_usd",
                        Money.format(saving)),
                map(
                        "ttl",
                        best.ttl().label,
                        "ttl_seconds",
                        best.ttl().duration.toSeconds(),
                        "window_days",
                        window.windowDays(),
                        "monthly_factor",
                        "30 / window_days",
                        "eligible",
                        "prefix_tokens >= the model's minimum cacheable length, no cache reads or writes"),
                HowTo.caching(best.ttl())));
    }

    /**
     * Where the prefix sizes come from: sent by the app, or derived by the gateway (measured from the API's cache
     * counts, or estimated from the prefix's share of the request's characters).
     */
    private static String prefixSource(List<WindowEvent> events) {
        long estimated = events.stream()
                .filter(e -> "estimated".equals(e.gateway().prefixTokensSource()))
                .count();
        long measured = events.stream()
                .filter(e -> "measured".equals(e.gateway().prefixTokensSource()))
                .count();
        long sent = events.size() - estimated - measured;
        List<String> parts = new java.util.ArrayList<>();
        if (sent > 0) {
            parts.add(sent + " sent by the app");
        }
        if (measured > 0) {
            parts.add(measured + " measured from the API's cache counts");
        }
        if (estimated > 0) {
            parts.add(estimated + " estimated by the gateway from the prefix's share of the request's characters");
        }
        return String.join("; ", parts);
    }

    static boolean longEnough(UseCaseWindow window, WindowEvent event) {
        return event.prefixTokens() != null
                && window.model(event.model())
                        .map(m -> event.prefixTokens() >= m.minCacheableTokens())
                        .orElse(false);
    }
}
