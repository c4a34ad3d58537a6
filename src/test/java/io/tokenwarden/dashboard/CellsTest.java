package io.tokenwarden.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.analytics.ParetoReport;
import io.tokenwarden.analytics.UnitCostRow;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {

    private final Cells cells = new Cells();

    @Test
    void paretoRowsKeepTheExactAmountBesideItsText() {
        ParetoReport report = new ParetoReport(
                "2026-11",
                new BigDecimal("1300.000000000000"),
                2,
                new BigDecimal("0.8"),
                null,
                "",
                List.of(
                        new ParetoReport.Row(
                                "chat",
                                new BigDecimal("1234.565000000000"),
                                new BigDecimal("0.94966"),
                                new BigDecimal("0.94966"),
                                true),
                        new ParetoReport.Row(
                                "triage",
                                new BigDecimal("65.435000000000"),
                                new BigDecimal("0.05034"),
                                BigDecimal.ONE,
                                false)));

        assertThat(cells.pareto(report))
                .containsExactly(
                        new Cells.Pareto(
                                "chat", "1234.565000000000", "$1,234.56", "95.0%", "95.0%", true), // half to even
                        new Cells.Pareto("triage", "65.435000000000", "$65.44", "5.0%", "100.0%", false));
    }

    @Test
    void chartRowsAreTheLabelThenDollarsPerSeries() {
        ChartData chart = new ChartData(
                List.of("2026-11-01", "2026-11-02"),
                List.of(
                        new ChartData.Series("chat", List.of(new BigDecimal("1234.5"), BigDecimal.ZERO)),
                        new ChartData.Series("other", List.of(new BigDecimal("0.005"), new BigDecimal("0.015")))));

        assertThat(cells.rows(chart))
                .containsExactly(
                        new Cells.Row("2026-11-01", List.of("1,234.50", "0.00")), // half to even
                        new Cells.Row("2026-11-02", List.of("0.00", "0.02")));
    }

    @Test
    void unitCostRowsShowADashWhereThereIsNoFigure() {
        List<UnitCostRow> rows = List.of(
                new UnitCostRow(
                        "review",
                        "document",
                        new BigDecimal("1E+3"),
                        new BigDecimal("12.5"),
                        new BigDecimal("0.0125"),
                        new BigDecimal("0.10"),
                        new BigDecimal("100.00"),
                        new BigDecimal("7.0")),
                new UnitCostRow("chat", null, BigDecimal.ZERO, new BigDecimal("3"), null, null, null, null));

        assertThat(cells.unitCosts(rows))
                .containsExactly(
                        new Cells.UnitCost(
                                "review",
                                "document",
                                "1000",
                                "12.500000000000",
                                "$12.50",
                                "$0.0125",
                                "$100.00",
                                "700%"),
                        new Cells.UnitCost("chat", "—", "0", "3.000000000000", "$3.00", "—", "—", "—"));
    }
}
