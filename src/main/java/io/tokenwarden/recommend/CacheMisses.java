package io.tokenwarden.recommend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Anthropic's own diagnosis of a use case's cache misses (diagnostics.cache_miss_reason, from the gateway or posted
 * by the app): how many calls it covers, the reasons, the tokens the misses cost and their price, what they cost
 * as uncached input beyond what the same tokens cost as cache reads, at each call's model and time.
 */
record CacheMisses(
        long diagnosed, Map<String, Long> byType, Map<String, Long> missedTokensByType, BigDecimal missedCost) {

    private static final Set<String> BUSTING =
            Set.of("system_changed", "tools_changed", "messages_changed", "model_changed");
    private static final Map<String, String> LABELS = Map.of(
            "system_changed",
            "system prompt changed",
            "tools_changed",
            "tool definitions changed",
            "messages_changed",
            "earlier messages changed",
            "model_changed",
            "model changed",
            "previous_message_not_found",
            "previous message not found");

    static CacheMisses of(UseCaseWindow window, List<WindowEvent> events) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> tokens = new TreeMap<>();
        BigDecimal cost = BigDecimal.ZERO;
        long diagnosed = 0;
        for (WindowEvent e : events) {
            String type = e.cacheMiss().type();
            if (type == null) {
                continue;
            }
            diagnosed++;
            byType.merge(type, 1L, Long::sum);
            Long missed = e.cacheMiss().missedInputTokens();
            if (missed != null && missed > 0) {
                tokens.merge(type, missed, Long::sum);
                cost = cost.add(window.price(e, e.model(), UseCaseWindow.input(missed))
                        .subtract(window.price(e, e.model(), UseCaseWindow.cacheRead(missed))));
            }
        }
        return new CacheMisses(diagnosed, byType, tokens, cost);
    }

    /** At least 20 diagnosed calls, half of them missing because the prefix changed. */
    boolean busted() {
        long busting = byType.entrySet().stream()
                .filter(e -> BUSTING.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return diagnosed >= CacheBustingDetector.MIN_EVENTS && busting * 2 >= diagnosed;
    }

    /** "system prompt changed on 96% of calls; 4100 tokens missed per call; $12.30 ..." for the commonest reason. */
    Optional<String> summary() {
        return byType.entrySet().stream().max(Map.Entry.comparingByValue()).map(top -> {
            long share = Math.round(100.0 * top.getValue() / diagnosed);
            long perCall = missedTokensByType.getOrDefault(top.getKey(), 0L) / top.getValue();
            return "%s on %d%% of calls; %d tokens missed per call; $%s paid as uncached input over the window, at the "
                            .formatted(
                                    LABELS.getOrDefault(top.getKey(), top.getKey()),
                                    share,
                                    perCall,
                                    missedCost
                                            .setScale(2, RoundingMode.HALF_EVEN)
                                            .toPlainString())
                    + "models' rates (Anthropic's cache diagnostics on %d calls)".formatted(diagnosed);
        });
    }
}
