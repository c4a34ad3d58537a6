package io.tokenwarden.analytics;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tokenwarden.pareto.threshold}: the share of spend the vital few use cases reach (0.8). */
@ConfigurationProperties("tokenwarden.pareto")
record ParetoProperties(BigDecimal threshold) {

    ParetoProperties {
        threshold = threshold == null ? new BigDecimal("0.8") : threshold;
        if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("tokenwarden.pareto.threshold must lie in (0, 1], not " + threshold);
        }
    }
}
