package io.tokenwarden.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One CSV row per event, streamed: a server-side cursor (fetch size 2,000 inside a read-only
 * transaction) feeds the writer row by row, so memory stays flat for any range.
 */
@Component
class UsageCsvExport {

    static final String[] HEADER = {
        "event_id",
        "app",
        "occurred_at",
        "use_case",
        "model",
        "model_id",
        "service_tier",
        "inference_geo",
        "input_tokens",
        "output_tokens",
        "cache_creation_input_tokens",
        "cache_read_input_tokens",
        "cache_write_5m_tokens",
        "cache_write_1h_tokens",
        "web_search_requests",
        "cost_usd",
        "task_type",
        "latency_class",
        "business_units",
        "quality_score",
        "tags"
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    UsageCsvExport(DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    void write(Instant from, Instant to, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            readOnly.executeWithoutResult(status -> jdbc.query(
                    """
                            SELECT e.event_id, a.name, e.occurred_at, e.use_case, e.model, e.model_id, e.service_tier,
                                   e.inference_geo, e.input_tokens, e.output_tokens, e.cache_creation_input_tokens,
                                   e.cache_read_input_tokens, e.cache_write_5m_tokens, e.cache_write_1h_tokens,
                                   e.web_search_requests, e.cost, e.task_type, e.latency_class, e.business_units,
                                   e.quality_score, e.tags::text
                            FROM usage_event e JOIN app a ON a.id = e.app_id
                            WHERE e.occurred_at >= ? AND e.occurred_at < ? ORDER BY e.occurred_at, e.id""",
                    rs -> {
                        try {
                            for (int column = 1; column <= HEADER.length; column++) {
                                Object value = column == 3 ? rs.getTimestamp(3).toInstant() : rs.getObject(column);
                                csv.print(value instanceof java.math.BigDecimal d ? d.toPlainString() : value);
                            }
                            csv.println();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    Timestamp.from(from),
                    Timestamp.from(to)));
        }
    }
}
