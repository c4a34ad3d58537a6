package io.tokenwarden.recommend;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenwarden.recommendations.*}: the trailing window the detectors read ({@code window-days}, 28) and the
 * smallest monthly saving worth recommending ({@code min-monthly-savings}, $1).
 */
@ConfigurationProperties("tokenwarden.recommendations")
record RecommendationProperties(Integer windowDays, BigDecimal minMonthlySavings) {

    RecommendationProperties {
        windowDays = windowDays == null ? 28 : windowDays;
        minMonthlySavings = minMonthlySavings == null ? BigDecimal.ONE : minMonthlySavings;
        if (windowDays < 1) {
            throw new IllegalStateException(
                    "tokenwarden.recommendations.window-days must be 1 or more, not " + windowDays);
        }
    }
}
