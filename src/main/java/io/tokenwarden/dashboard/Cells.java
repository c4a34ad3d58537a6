package io.tokenwarden.dashboard;

import io.tokenwarden.analytics.ParetoReport;
import io.tokenwarden.analytics.UnitCostRow;
import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table cells of the long dashboard tables (a row per day or per use case), formatted here once per
 * view: a formatting expression per cell in the template cost more than all the rest of the page.
 * Amounts keep their exact value beside the text, for the page's data-value attributes.
 */
final class Cells {

    private final DecimalFormat dollars = format("#,##0.00");
    private final DecimalFormat unitDollars = format("#,##0.0000");
    private final DecimalFormat percent = format("#,##0.0%");
    private final DecimalFormat wholePercent = format("#,##0%");

    record Pareto(
            String useCase, String costUsd, String cost, String share, String cumulativeShare, boolean vitalFew) {}

    record UnitCost(
            String useCase,
            String unit,
            String units,
            String costUsd,
            String cost,
            String costPerUnit,
            String value,
            String roi) {}

    /** A row of a chart's numbers: its label, then one cell per series. */
    record Row(String label, List<String> cells) {}

    /**
     * A chart's numbers as rows, in dollars. The label comes apart from the cells so that the template
     * needs one expression per cell, not two (a "first cell?" test beside each of the month's ~200 cells).
     */
    List<Row> rows(ChartData chart) {
        List<Row> rows = new ArrayList<>(chart.labels().size());
        for (int i = 0; i < chart.labels().size(); i++) {
            List<String> cells = new ArrayList<>(chart.series().size());
            for (ChartData.Series s : chart.series()) {
                cells.add(dollars.format(s.data().get(i)));
            }
            rows.add(new Row(chart.labels().get(i), cells));
        }
        return rows;
    }

    List<Pareto> pareto(ParetoReport report) {
        return report.rows().stream()
                .map(r -> new Pareto(
                        r.useCase(),
                        Money.format(r.costUsd()),
                        usd(r.costUsd()),
                        percent.format(r.share()),
                        percent.format(r.cumulativeShare()),
                        r.vitalFew()))
                .toList();
    }

    List<UnitCost> unitCosts(List<UnitCostRow> rows) {
        return rows.stream()
                .map(u -> new UnitCost(
                        u.useCase(),
                        u.unitName() == null ? "—" : u.unitName(),
                        u.units().toPlainString(),
                        Money.format(u.costUsd()),
                        usd(u.costUsd()),
                        u.costPerUnitUsd() == null ? "—" : "$" + unitDollars.format(u.costPerUnitUsd()),
                        u.valueUsd() == null ? "—" : usd(u.valueUsd()),
                        u.roi() == null ? "—" : wholePercent.format(u.roi())))
                .toList();
    }

    private String usd(BigDecimal amount) {
        return "$" + dollars.format(amount);
    }

    private static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
