package io.tokenwarden.ingest;

import io.tokenwarden.web.JsonFields;
import io.tokenwarden.web.Vocabulary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/** The rules events and outcomes share: ids, use case names and the clock-skew limit. */
final class IngestRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final String ID_HINT = "must be 1-128 characters of A-Z a-z 0-9 . _ : -";
    static final Pattern USE_CASE = Vocabulary.NAME;
    static final String USE_CASE_HINT = Vocabulary.NAME_HINT;
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private IngestRules() {}

    /** The item's id if it is readable, so that a rejected item can still be matched by the caller. */
    static String readableId(JsonFields fields, String name) {
        return fields.requiredString(name, 128, ID, ID_HINT);
    }

    static Instant occurredAt(JsonFields fields, Clock clock) {
        OffsetDateTime at = fields.requiredTimestamp("occurred_at");
        if (at == null) {
            return null;
        }
        Instant instant = at.toInstant();
        if (instant.isAfter(clock.instant().plus(MAX_AHEAD))) {
            fields.reject("occurred_at", "must not be more than 5 minutes in the future");
            return null;
        }
        return instant;
    }
}
