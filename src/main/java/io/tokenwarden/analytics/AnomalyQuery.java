package io.tokenwarden.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AnomalyQuery {

    private final JdbcClient jdbc;

    AnomalyQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AnomalyRow> run(YearMonth month) {
        return jdbc.sql("""
                        SELECT day, use_case, cost, baseline_mean, baseline_sd FROM anomaly
                        WHERE day BETWEEN :start AND :end ORDER BY day, use_case""")
                .param("start", month.atDay(1))
                .param("end", month.atEndOfMonth())
                .query((rs, n) -> {
                    BigDecimal mean = rs.getBigDecimal(4);
                    BigDecimal sd = rs.getBigDecimal(5);
                    return new AnomalyRow(
                            rs.getDate(1).toLocalDate(),
                            rs.getString(2),
                            rs.getBigDecimal(3),
                            mean,
                            sd,
                            mean.add(sd.multiply(BigDecimal.valueOf(3))));
                })
                .list();
    }
}
