package io.tokenwarden.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * spend_spike: a use case's spend over the last 60 minutes (read from the events, so it is never behind the rollup)
 * against the same 60 minutes on each of the previous 28 days of the same kind (weekday or weekend) since the use
 * case first spent, read from the hourly rollup ({@link SpikeRule}). Opens once per spike; resolves when the last
 * hour is back under the bar.
 */
@Component
class SpikeDetector {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int DAYS = 28;

    private final JdbcClient jdbc;
    private final AlertStore alerts;
    private final ZoneId zone;

    SpikeDetector(JdbcClient jdbc, AlertStore alerts, ZoneId zone) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.zone = zone;
    }

    int run(Instant now) {
        Instant from = now.minus(WINDOW);
        Map<String, BigDecimal> current = new HashMap<>();
        jdbc.sql("SELECT use_case, coalesce(sum(cost), 0) FROM usage_event WHERE occurred_at >= ? AND occurred_at < ? "
                        + "GROUP BY use_case")
                .params(Timestamp.from(from), Timestamp.from(now))
                .query(rs -> {
                    current.put(rs.getString(1), rs.getBigDecimal(2));
                });
        Set<String> open = new HashSet<>(alerts.openUseCases("spend_spike"));
        Set<String> judged = new HashSet<>(current.keySet());
        judged.addAll(open);
        Map<String, Map<Instant, BigDecimal>> hours =
                hours(from.minus(DAYS + 1, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        Map<String, Instant> firstHour = firstHours();
        int opened = 0;
        for (String useCase : judged) {
            BigDecimal cost = current.getOrDefault(useCase, BigDecimal.ZERO);
            List<BigDecimal> baseline =
                    baseline(hours.getOrDefault(useCase, Map.of()), firstHour.get(useCase), from, now);
            var threshold = SpikeRule.DEFAULT.threshold(baseline);
            if (threshold.isPresent() && cost.compareTo(threshold.get()) > 0) {
                if (open.contains(useCase)) {
                    continue;
                }
                String usual = SpikeRule.median(baseline)
                        .setScale(2, RoundingMode.HALF_EVEN)
                        .toPlainString();
                opened += alerts.open(
                                "spend_spike",
                                useCase,
                                from.truncatedTo(ChronoUnit.MINUTES).toString(),
                                cost,
                                threshold.get(),
                                "$%s spent on %s in the last hour; this hour usually costs $%s (alert above $%s)"
                                        .formatted(
                                                cost.setScale(2, RoundingMode.HALF_EVEN)
                                                        .toPlainString(),
                                                useCase,
                                                usual,
                                                threshold
                                                        .get()
                                                        .setScale(2, RoundingMode.HALF_EVEN)
                                                        .toPlainString()))
                        ? 1
                        : 0;
            } else if (open.contains(useCase)) {
                alerts.resolveAll("spend_spike", useCase);
            }
        }
        return opened;
    }

    /** The same 60 minutes on each earlier day of the same kind, since the use case's first hour of spend. */
    List<BigDecimal> baseline(Map<Instant, BigDecimal> hours, Instant firstHour, Instant from, Instant to) {
        boolean weekend = weekend(to.minus(WINDOW.dividedBy(2)));
        List<BigDecimal> samples = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            Instant start = from.minus(day, ChronoUnit.DAYS);
            Instant end = to.minus(day, ChronoUnit.DAYS);
            if (firstHour == null || !end.isAfter(firstHour) || weekend(end.minus(WINDOW.dividedBy(2))) != weekend) {
                continue;
            }
            samples.add(overlap(hours, start, end));
        }
        return samples;
    }

    /** Spend in [start, end), each hour's cost counted by the share of it inside the span. */
    private static BigDecimal overlap(Map<Instant, BigDecimal> hours, Instant start, Instant end) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Instant hour = start.truncatedTo(ChronoUnit.HOURS);
                hour.isBefore(end);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            Instant a = hour.isBefore(start) ? start : hour;
            Instant b = hour.plus(1, ChronoUnit.HOURS).isAfter(end) ? end : hour.plus(1, ChronoUnit.HOURS);
            BigDecimal share = BigDecimal.valueOf(Duration.between(a, b).toSeconds())
                    .divide(BigDecimal.valueOf(3600), 12, RoundingMode.HALF_EVEN);
            sum = sum.add(hours.getOrDefault(hour, BigDecimal.ZERO).multiply(share));
        }
        return sum;
    }

    private boolean weekend(Instant at) {
        DayOfWeek day = at.atZone(zone).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private Map<String, Map<Instant, BigDecimal>> hours(Instant start, Instant end) {
        Map<String, Map<Instant, BigDecimal>> hours = new HashMap<>();
        jdbc.sql("SELECT use_case, hour, cost FROM hourly_use_case_rollup WHERE hour >= ? AND hour < ?")
                .params(
                        Timestamp.from(start.truncatedTo(ChronoUnit.HOURS)),
                        Timestamp.from(end.plus(1, ChronoUnit.HOURS)))
                .query(rs -> {
                    hours.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3));
                });
        return hours;
    }

    private Map<String, Instant> firstHours() {
        Map<String, Instant> first = new HashMap<>();
        jdbc.sql("SELECT use_case, min(hour) FROM hourly_use_case_rollup GROUP BY use_case")
                .query(rs -> {
                    first.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return first;
    }
}
