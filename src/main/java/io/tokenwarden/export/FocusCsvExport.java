package io.tokenwarden.export;

import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.pricing.TokenType;
import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.pricing.UsageColumns;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A month in FinOps FOCUS 1.2 rows: one per day, use case, model, service tier and token type.
 * Each priced event is split by token type with the catalog (the parts add up to its stored
 * cost exactly), so BilledCost sums to the month's spend to the last digit. Unpriced events have
 * no cost to report and are left out.
 */
@Component
class FocusCsvExport {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final PriceCatalog catalog;

    FocusCsvExport(DataSource dataSource, TransactionTemplate transaction, PriceCatalog catalog) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.catalog = catalog;
    }

    /** Day, use case, model, tier and token type; sorted, so the file is stable. */
    record Key(LocalDate day, String useCase, String model, String tier, TokenType type) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            return java.util.Comparator.comparing(Key::day)
                    .thenComparing(Key::useCase)
                    .thenComparing(Key::model)
                    .thenComparing(Key::tier)
                    .thenComparing(Key::type)
                    .compare(this, other);
        }
    }

    /** Billed and list cost (without the batch discount) and the quantity consumed. */
    static final class Sums {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal list = BigDecimal.ZERO;
        long quantity;
    }

    Map<Key, Sums> aggregate(YearMonth month, ZoneId zone) {
        CatalogSnapshot prices = catalog.current();
        Map<Key, Sums> rows = new TreeMap<>();
        readOnly.executeWithoutResult(status -> jdbc.query(
                """
                        SELECT occurred_at, use_case, model_id,""" + UsageColumns.COLUMNS + """
                        FROM usage_event WHERE occurred_at >= ? AND occurred_at < ? AND cost IS NOT NULL""",
                rs -> {
                    java.time.Instant at = rs.getTimestamp(1).toInstant();
                    TokenUsage usage = UsageColumns.read(rs);
                    add(
                            rows,
                            new Key(
                                    at.atZone(zone).toLocalDate(),
                                    rs.getString(2),
                                    rs.getString(3),
                                    usage.serviceTier().wireName(),
                                    null),
                            prices,
                            at,
                            usage);
                },
                Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()),
                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())));
        return rows;
    }

    private static void add(
            Map<Key, Sums> rows, Key base, CatalogSnapshot prices, java.time.Instant at, TokenUsage usage) {
        Map<TokenType, BigDecimal> billed = prices.breakdown(base.model(), at, usage);
        Map<TokenType, BigDecimal> list =
                prices.breakdown(base.model(), at, usage.with(ServiceTier.STANDARD, usage.inferenceGeo()));
        billed.forEach((type, cost) -> {
            if (type.quantity(usage) == 0 && cost.signum() == 0) {
                return;
            }
            Sums sums = rows.computeIfAbsent(
                    new Key(base.day(), base.useCase(), base.model(), base.tier(), type), k -> new Sums());
            sums.billed = sums.billed.add(cost);
            sums.list = sums.list.add(list.get(type));
            sums.quantity += type.quantity(usage);
        });
    }
}
