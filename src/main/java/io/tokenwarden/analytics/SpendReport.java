package io.tokenwarden.analytics;

import io.tokenwarden.web.UsdAmount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code unpricedReasons} (added to API.md's report) says why the events the total leaves out have no price, the
 * most frequent reasons first.
 */
public record SpendReport(
        LocalDate from,
        LocalDate to,
        String groupBy,
        List<SpendRow> rows,
        @UsdAmount BigDecimal totalCostUsd,
        long unpricedEvents,
        List<UnpricedReason> unpricedReasons) {

    /** One reason events are unpriced ("no price for speed=fast on claude-opus-4-7 on 2026-06-01") and how many. */
    public record UnpricedReason(String reason, long events) {}
}
