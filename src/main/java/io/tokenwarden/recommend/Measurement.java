package io.tokenwarden.recommend;

import java.math.BigDecimal;

/**
 * Before and after an implemented recommendation: 14 days each side of implemented_at (the after
 * side as far as it has got). Realized monthly saving = (cost per request before - after) x
 * requests after, scaled to 30 days. Quality "held" unless the mean quality_score fell by more
 * than 0.02; "unknown" when either side has no score.
 */
record Measurement(String method, Period before, Period after, BigDecimal realizedMonthlySavings, String quality) {

    static final String BEFORE_AFTER = "before_after";
    static final String EXPERIMENT = "experiment";

    record Period(
            String from,
            String to,
            long requests,
            String costUsd,
            String costPerRequestUsd,
            String costPerUnitUsd,
            BigDecimal meanQualityScore) {}
}
