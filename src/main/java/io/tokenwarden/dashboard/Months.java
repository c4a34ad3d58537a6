package io.tokenwarden.dashboard;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The month a page shows: ?month=2026-11, else the current one; a malformed month falls back too. */
final class Months {

    private Months() {}

    static YearMonth parse(String month, YearMonth current) {
        if (month == null || month.isBlank()) {
            return current;
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return current;
        }
    }
}
