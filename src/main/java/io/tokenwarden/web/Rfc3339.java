package io.tokenwarden.web;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 timestamps as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads them, with a fast path
 * for the shape every client sends ({@code 2026-11-23T10:15:30Z}, {@code .123}, {@code +02:00}): the
 * formatter alone was 4% of a single-event request's Java samples (JFR). Anything else, and any value
 * the fast path cannot build, goes to the formatter, so the two never disagree on what is valid.
 */
final class Rfc3339 {

    private static final int SECONDS_END = 19;

    private Rfc3339() {}

    /** @throws DateTimeException (a DateTimeParseException from the formatter) when the text is not valid */
    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = fastPath(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static OffsetDateTime fastPath(String text) {
        int length = text.length();
        if (length < 20 || !punctuated(text)) {
            return null;
        }
        int position = SECONDS_END;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int digits = 0;
            for (position++; position < length && digit(text.charAt(position)); position++, digits++) {
                nanos = nanos * 10 + text.charAt(position) - '0';
            }
            if (digits == 0 || digits > 9) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(
                    number(text, 0, 4),
                    number(text, 5, 2),
                    number(text, 8, 2),
                    number(text, 11, 2),
                    number(text, 14, 2),
                    number(text, 17, 2),
                    nanos,
                    offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code dddd-dd-ddTdd:dd:dd} with digits where digits belong. */
    private static boolean punctuated(String text) {
        for (int i = 0; i < SECONDS_END; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> digit(c);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static ZoneOffset offset(String text, int at) {
        int rest = text.length() - at;
        if (rest == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest == 6 ? text.charAt(at) : 0;
        if ((sign != '+' && sign != '-')
                || text.charAt(at + 3) != ':'
                || !digit(text.charAt(at + 1))
                || !digit(text.charAt(at + 2))
                || !digit(text.charAt(at + 4))
                || !digit(text.charAt(at + 5))) {
            return null;
        }
        int hours = number(text, at + 1, 2);
        int minutes = number(text, at + 4, 2);
        try {
            return sign == '+'
                    ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
