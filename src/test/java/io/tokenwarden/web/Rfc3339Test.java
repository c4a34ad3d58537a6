package io.tokenwarden.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23T10:15:30Z",
                "2026-11-23T10:15:30.5Z",
                "2026-11-23T10:15:30.123456789Z",
                "2026-11-23T10:15:30+02:00",
                "2026-11-23T10:15:30.120-05:30",
                "2024-02-29T23:59:59Z",
                "2026-11-23T10:15:30-00:00",
                "2026-11-23T10:15:30+18:00",
                "0000-01-01T00:00:00Z",
                // not the fast path's shape, still valid for the formatter
                "2026-11-23t10:15:30z",
                "2026-11-23T10:15Z",
                "2026-11-23T10:15:30.Z",
                "2026-11-23T10:15:30+02:00:30",
                "+12026-11-23T10:15:30Z"
            })
    void readsWhatTheFormatterReads(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(formatter(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-13-01T00:00:00Z",
                "2026-02-29T00:00:00Z",
                "2026-11-31T00:00:00Z",
                "2026-11-23T24:00:00Z",
                "2026-11-23T10:60:00Z",
                "2026-11-23T10:15:60Z",
                "2026-11-23T10:15:30",
                "2026-11-23T10:15:30.1234567890Z",
                "2026-11-23T10:15:30+19:00",
                "2026-11-23T10:15:30+02:60",
                "2026-11-23T10:15:30+0200",
                "2026-11-23 10:15:30Z",
                "2026-11-23T10:15:30ZZ",
                "2026-1l-23T10:15:30Z",
                "2026-11-23T10:15:30+02:0x",
                ""
            })
    void refusesWhatTheFormatterRefuses(String text) {
        assertThat(formatter(text)).isEmpty();
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void agreesWithTheFormatterOnMutatedTimestamps() {
        SplittableRandom random = new SplittableRandom(20261201);
        String alphabet = "0123456789-:T.Z+zt ";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(OffsetDateTime.of(
                            1990 + random.nextInt(60),
                            1 + random.nextInt(12),
                            1 + random.nextInt(28),
                            random.nextInt(24),
                            random.nextInt(60),
                            random.nextInt(60),
                            random.nextInt(1_000_000_000),
                            ZoneOffset.ofHoursMinutes(random.nextInt(-12, 13), 0))
                    .toString());
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            Optional<OffsetDateTime> expected = formatter(candidate);
            Optional<OffsetDateTime> actual;
            try {
                actual = Optional.of(Rfc3339.parse(candidate));
            } catch (DateTimeException e) {
                actual = Optional.empty();
            }
            assertThat(actual).as(candidate).isEqualTo(expected);
        }
    }

    private static Optional<OffsetDateTime> formatter(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
