package io.tokenwarden.dashboard;

import java.math.BigDecimal;
import java.util.List;

/** What a Chart.js chart needs: labels and one or more numeric series (money as plain numbers for drawing). */
record ChartData(List<String> labels, List<Series> series) {

    /**
     * The same numbers as table rows (label, then one cell per series, as dollars with two decimals),
     * formatted here once rather than cell by cell in the template.
     */
    List<List<String>> tableRows() {
        java.text.DecimalFormat dollars = new java.text.DecimalFormat("#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        List<List<String>> rows = new java.util.ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            List<String> row = new java.util.ArrayList<>(series.size() + 1);
            row.add(labels.get(i));
            for (Series s : series) {
                row.add(dollars.format(s.data().get(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    record Series(String label, List<BigDecimal> data) {
    }
}
