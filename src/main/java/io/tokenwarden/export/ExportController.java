package io.tokenwarden.export;

import io.tokenwarden.usecase.UseCases;
import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** ADMIN and FINANCE: the raw events and the FOCUS view of a month, as CSV files. */
@RestController
class ExportController {

    private final UsageCsvExport usage;
    private final FocusCsvExport focus;
    private final UseCases useCases;
    private final JsonMapper json;
    private final ZoneId zone;
    private final Clock clock;

    ExportController(
            UsageCsvExport usage, FocusCsvExport focus, UseCases useCases, JsonMapper json, ZoneId zone, Clock clock) {
        this.usage = usage;
        this.focus = focus;
        this.useCases = useCases;
        this.json = json;
        this.zone = zone;
        this.clock = clock;
    }

    /** from and to are inclusive reporting days, both defaulting to the current month. */
    @GetMapping("/api/v1/exports/usage.csv")
    void usage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        YearMonth current = YearMonth.now(clock.withZone(zone));
        LocalDate start = from == null ? current.atDay(1) : from;
        LocalDate end = to == null ? current.atEndOfMonth() : to;
        if (end.isBefore(start)) {
            throw ApiException.badRequest(List.of(new FieldError("to", "must be on or after from")));
        }
        csv(response, "tokenwarden-usage-" + start + "-" + end + ".csv");
        usage.write(
                start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant(),
                response.getWriter());
    }

    @GetMapping("/api/v1/exports/focus.csv")
    void focus(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            HttpServletResponse response)
            throws IOException {
        YearMonth shown = month == null ? YearMonth.now(clock.withZone(zone)) : month;
        var rows = focus.aggregate(shown, zone);
        csv(response, "tokenwarden-focus-" + shown + ".csv");
        FocusCsvWriter.write(rows, useCases.byName(), zone, json, response.getWriter());
    }

    private static void csv(HttpServletResponse response, String filename) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
