package io.tokenwarden.analytics;

import java.time.LocalDate;
import java.util.List;

public record SpendReport(LocalDate from, LocalDate to, String groupBy, List<SpendRow> rows, String totalCostUsd,
                   long unpricedEvents) {
}
