package io.tokenwarden.analytics;

import io.tokenwarden.web.UsdAmount;
import java.math.BigDecimal;
import java.util.List;

/** API.md's Pareto report; {@code headline} is added for the dashboard. */
public record ParetoReport(
        String month,
        @UsdAmount BigDecimal totalCostUsd,
        int useCaseCount,
        BigDecimal threshold,
        VitalFew vitalFew,
        String headline,
        List<Row> rows) {

    public record VitalFew(int count, BigDecimal shareOfUseCases, BigDecimal shareOfSpend) {}

    public record Row(
            String useCase,
            @UsdAmount BigDecimal costUsd,
            BigDecimal share,
            BigDecimal cumulativeShare,
            boolean vitalFew) {}
}
