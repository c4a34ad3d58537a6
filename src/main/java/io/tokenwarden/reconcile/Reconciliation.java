package io.tokenwarden.reconcile;

import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Billed against tracked cost per day and model: where the drift is, tracking misses spend (or overcounts). */
@Service
public class Reconciliation {

    /** A drift above this share of the bill gets a note. */
    static final BigDecimal NOTABLE = new BigDecimal("0.01");

    private final JdbcClient jdbc;
    private final PriceCatalog catalog;
    private final java.time.ZoneId zone;

    Reconciliation(JdbcClient jdbc, PriceCatalog catalog, java.time.ZoneId zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public record Row(
            LocalDate day,
            String model,
            String billedUsd,
            String trackedUsd,
            String driftUsd,
            BigDecimal driftPercent,
            String note) {}

    public record Report(
            String month,
            String billedUsd,
            String trackedUsd,
            String driftUsd,
            BigDecimal driftPercent,
            List<Row> rows) {}

    @Transactional
    int upload(JsonNode report, String source, String actor) {
        Map<BillReader.DayModel, BigDecimal> billed = source.equals("cost_report")
                ? BillReader.costReport(report, catalog.current())
                : BillReader.usageReport(report, catalog.current());
        billed.forEach((key, amount) -> jdbc.sql("""
                        INSERT INTO billed_cost (day, model, amount, source, uploaded_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (day, model) DO UPDATE SET amount = excluded.amount, source = excluded.source,
                            uploaded_at = now(), uploaded_by = excluded.uploaded_by""")
                .params(key.day(), key.model(), amount, source, actor)
                .update());
        return billed.size();
    }

    /** Days and models of the month that have a bill; tracked cost comes from the rollups. */
    @Transactional(readOnly = true)
    public Report month(YearMonth month) {
        Map<BillReader.DayModel, BigDecimal[]> pairs = new TreeMap<>();
        jdbc.sql("SELECT day, model, amount FROM billed_cost WHERE day BETWEEN ? AND ?")
                .params(month.atDay(1), month.atEndOfMonth())
                .query(rs -> {
                    pairs.put(
                            new BillReader.DayModel(rs.getDate(1).toLocalDate(), rs.getString(2)),
                            new BigDecimal[] {rs.getBigDecimal(3), BigDecimal.ZERO});
                });
        if (!pairs.isEmpty()) { // without a bill there is nothing to compare, and a month of rollups is large
            // Bills are cut in UTC days. The rollups are cut in the reporting zone: they serve only when that is UTC;
            // otherwise the month's events are summed by UTC day here (slower, and only when a bill was uploaded).
            String tracked = zone.normalized().equals(java.time.ZoneOffset.UTC)
                    ? "SELECT day, model_key, sum(cost) FROM daily_rollup WHERE day BETWEEN ? AND ? GROUP BY day, model_key"
                    : """
                      SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, coalesce(model_id, model), coalesce(sum(cost), 0)
                      FROM usage_event WHERE occurred_at >= ?::date::timestamp AT TIME ZONE 'UTC'
                        AND occurred_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'
                      GROUP BY 1, 2""";
            jdbc.sql(tracked).params(month.atDay(1), month.atEndOfMonth()).query(rs -> {
                BigDecimal[] pair =
                        pairs.get(new BillReader.DayModel(rs.getDate(1).toLocalDate(), rs.getString(2)));
                if (pair != null) {
                    pair[1] = rs.getBigDecimal(3);
                }
            });
        }
        List<Row> rows = new ArrayList<>();
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal tracked = BigDecimal.ZERO;
        for (Map.Entry<BillReader.DayModel, BigDecimal[]> e : pairs.entrySet()) {
            rows.add(row(e.getKey(), e.getValue()[0], e.getValue()[1]));
            billed = billed.add(e.getValue()[0]);
            tracked = tracked.add(e.getValue()[1]);
        }
        BigDecimal drift = billed.subtract(tracked);
        return new Report(
                month.toString(),
                Money.format(billed),
                Money.format(tracked),
                Money.format(drift),
                percent(drift, billed),
                rows);
    }

    private static Row row(BillReader.DayModel key, BigDecimal billed, BigDecimal tracked) {
        BigDecimal drift = billed.subtract(tracked);
        String note = null;
        if (billed.signum() > 0 && drift.abs().compareTo(billed.multiply(NOTABLE)) > 0) {
            note = drift.signum() > 0
                    ? "tracking misses spend: some calls of this model send no events"
                    : "tracked above the bill: check for events sent to the wrong app or duplicated ids";
        }
        return new Row(
                key.day(),
                key.model(),
                Money.format(billed),
                Money.format(tracked),
                Money.format(drift),
                percent(drift, billed),
                note);
    }

    private static BigDecimal percent(BigDecimal drift, BigDecimal billed) {
        return billed.signum() == 0 ? null : drift.movePointRight(2).divide(billed, 2, RoundingMode.HALF_EVEN);
    }
}
