package io.tokenwarden.recommend;

import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One arm of a pilot: its recorded calls ({@code cost} over the priced ones, {@code quality} over the scored ones),
 * the calls the upstream refused (no event, counted by the gateway) and answers that were refusals.
 */
record Arm(
        long events,
        ArmComparison.Sample cost,
        BigDecimal businessUnits,
        ArmComparison.Sample quality,
        long refusals,
        long errors,
        long cacheReadTokens,
        long promptTokens) {

    Arm withErrors(long upstreamErrors) {
        return new Arm(events, cost, businessUnits, quality, refusals, upstreamErrors, cacheReadTokens, promptTokens);
    }

    long calls() {
        return events + errors;
    }

    long failures() {
        return refusals + errors;
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("requests", events);
        view.put("unpriced_requests", events - cost.n());
        view.put("cost_usd", Money.format(cost.sum()));
        view.put("cost_per_request_usd", cost.n() == 0 ? null : Money.format(cost.mean()));
        view.put(
                "cost_per_unit_usd",
                businessUnits.signum() == 0
                        ? null
                        : Money.format(cost.sum().divide(businessUnits, 12, RoundingMode.HALF_EVEN)));
        view.put("mean_quality_score", quality.n() == 0 ? null : quality.mean().setScale(4, RoundingMode.HALF_EVEN));
        view.put("scored_requests", quality.n());
        view.put("errors", errors);
        view.put("refusals", refusals);
        view.put(
                "error_or_refusal_share",
                calls() == 0
                        ? null
                        : BigDecimal.valueOf(failures())
                                .divide(BigDecimal.valueOf(calls()), 4, RoundingMode.HALF_EVEN));
        view.put(
                "cache_hit_share",
                promptTokens == 0
                        ? null
                        : BigDecimal.valueOf(cacheReadTokens)
                                .divide(BigDecimal.valueOf(promptTokens), 4, RoundingMode.HALF_EVEN));
        return view;
    }
}
