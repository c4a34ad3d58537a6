package io.tokenwarden.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DESIGN.md section 3: use cases by cost descending, ties by name; the vital few are the smallest
 * leading set whose cumulative cost reaches threshold x total (compared exactly, before dividing).
 */
@Component
class ParetoQuery {

    private final JdbcClient jdbc;
    private final BigDecimal threshold;

    ParetoQuery(JdbcClient jdbc, ParetoProperties properties) {
        this.jdbc = jdbc;
        this.threshold = properties.threshold();
    }

    private record UseCaseCost(String useCase, BigDecimal cost) {}

    @Transactional(readOnly = true)
    ParetoReport run(YearMonth month, io.tokenwarden.usecase.Scope scope) {
        List<UseCaseCost> costs = jdbc
                .sql("""
                        SELECT use_case, sum(cost) FROM monthly_rollup
                        WHERE month = :month AND (:visible::text[] IS NULL OR use_case = ANY(:visible::text[]))
                        GROUP BY use_case""")
                .param("month", month.atDay(1))
                .param("visible", scope.sqlArray())
                .query((rs, n) -> new UseCaseCost(rs.getString(1), rs.getBigDecimal(2)))
                .list()
                .stream()
                .sorted(Comparator.comparing(UseCaseCost::cost).reversed().thenComparing(UseCaseCost::useCase))
                .toList();
        BigDecimal total = costs.stream().map(UseCaseCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal target = total.multiply(threshold);
        List<ParetoReport.Row> rows = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal vitalSpend = BigDecimal.ZERO;
        int vitalCount = 0;
        for (UseCaseCost c : costs) {
            boolean vital = total.signum() > 0 && cumulative.compareTo(target) < 0;
            cumulative = cumulative.add(c.cost());
            if (vital) {
                vitalCount++;
                vitalSpend = cumulative;
            }
            rows.add(new ParetoReport.Row(
                    c.useCase(), c.cost(), Ratios.share(c.cost(), total), Ratios.share(cumulative, total), vital));
        }
        ParetoReport.VitalFew vitalFew = new ParetoReport.VitalFew(
                vitalCount,
                Ratios.share(BigDecimal.valueOf(vitalCount), BigDecimal.valueOf(costs.size())),
                Ratios.share(vitalSpend, total));
        return new ParetoReport(
                month.toString(), total, costs.size(), threshold, vitalFew, headline(vitalFew, costs.size()), rows);
    }

    private static String headline(ParetoReport.VitalFew vitalFew, int useCases) {
        return "%d of %d use cases (%s%%) make %s%% of spend"
                .formatted(
                        vitalFew.count(),
                        useCases,
                        percent(vitalFew.shareOfUseCases()),
                        percent(vitalFew.shareOfSpend()));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
