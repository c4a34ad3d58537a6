package io.tokenwarden.alert;

import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts: each (kind, use case, occasion) opens once and resolves once, and each change puts its deliveries in
 * the outbox in the same transaction, so an alert is never known without its deliveries or delivered unknown.
 */
@Component
class AlertStore {

    private static final String COLUMNS =
            "id, kind, use_case, status, opened_at, resolved_at, amount, threshold, summary";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    AlertStore(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens the alert unless this occasion was alerted before; true when it was opened now. */
    @Transactional(propagation = Propagation.REQUIRED)
    boolean open(
            String kind, String useCase, String occasion, BigDecimal amount, BigDecimal threshold, String summary) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO alert (kind, use_case, occasion, status, opened_at, amount, threshold, summary)
                        VALUES (?, ?, ?, 'open', ?, ?, ?, ?) ON CONFLICT (kind, use_case, occasion) DO NOTHING RETURNING id""")
                .params(kind, useCase, occasion, Timestamp.from(clock.instant()), amount, threshold, summary)
                .query(Long.class)
                .optional();
        id.ifPresent(alert -> outbox.enqueue(byId(alert).orElseThrow(), "opened"));
        return id.isPresent();
    }

    /** Resolves every open alert of this kind and use case. */
    @Transactional(propagation = Propagation.REQUIRED)
    void resolveAll(String kind, String useCase) {
        resolveWhere("kind = ? AND use_case = ?", kind, useCase);
    }

    /** Resolves one occasion's alert if it is open. */
    @Transactional(propagation = Propagation.REQUIRED)
    void resolve(String kind, String useCase, String occasion) {
        resolveWhere("kind = ? AND use_case = ? AND occasion = ?", kind, useCase, occasion);
    }

    /** Budget alerts of months before this one: their month is over. */
    @Transactional(propagation = Propagation.REQUIRED)
    void resolveOlderMonths(java.time.YearMonth month) {
        resolveWhere("kind IN ('budget_threshold', 'budget_forecast') AND left(occasion, 7) < ?", month.toString());
    }

    /** Alerts of a kind whose occasion (an ISO date) is before {@code first}. */
    @Transactional(propagation = Propagation.REQUIRED)
    void resolveOccasionsBefore(String kind, String first) {
        resolveWhere("kind = ? AND occasion < ?", kind, first);
    }

    private void resolveWhere(String condition, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = Timestamp.from(clock.instant());
        System.arraycopy(params, 0, all, 1, params.length);
        jdbc.sql("UPDATE alert SET status = 'resolved', resolved_at = ? WHERE status = 'open' AND " + condition
                        + " RETURNING id")
                .params(all)
                .query(Long.class)
                .list()
                .forEach(alert -> outbox.enqueue(byId(alert).orElseThrow(), "resolved"));
    }

    List<String> openUseCases(String kind) {
        return jdbc.sql("SELECT DISTINCT use_case FROM alert WHERE kind = ? AND status = 'open'")
                .param(kind)
                .query(String.class)
                .list();
    }

    Optional<AlertView> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE id = ?")
                .param(id)
                .query(AlertStore::row)
                .optional();
    }

    List<AlertView> list(String status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE (CAST(:status AS text) IS NULL OR status = :status) "
                        + "ORDER BY opened_at DESC, id DESC LIMIT 500")
                .param("status", status)
                .query(AlertStore::row)
                .list();
    }

    static AlertView row(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new AlertView(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("use_case"),
                rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(),
                resolved == null ? null : resolved.toInstant(),
                Money.format(rs.getBigDecimal("amount")),
                Money.format(rs.getBigDecimal("threshold")),
                rs.getString("summary"));
    }
}
