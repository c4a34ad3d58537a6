package io.tokenwarden.dashboard;

import java.math.BigDecimal;
import java.util.List;

/** What a Chart.js chart needs: labels and one or more numeric series (money as plain numbers for drawing). */
record ChartData(List<String> labels, List<Series> series) {

    record Series(String label, List<BigDecimal> data) {}
}
