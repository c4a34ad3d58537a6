package io.tokenwarden.analytics;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SpendReportController {

    private static final int MAX_DAYS = 3660;

    private final SpendQuery query;
    private final ZoneId zone;
    private final Clock clock;

    SpendReportController(SpendQuery query, @Value("${tokenwarden.reporting-zone:UTC}") ZoneId zone, Clock clock) {
        this.query = query;
        this.zone = zone;
        this.clock = clock;
    }

    /** from and to are inclusive reporting days; both default to the current month. */
    @GetMapping("/api/v1/reports/spend")
    SpendReport spend(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(name = "group_by", defaultValue = "use_case") String groupBy) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today.withDayOfMonth(today.lengthOfMonth()) : to;
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ApiException.badRequest(List.of(new FieldError("to", "must be on or after from, within 10 years")));
        }
        return query.run(start, end, SpendGrouping.parse(groupBy), zone);
    }
}
