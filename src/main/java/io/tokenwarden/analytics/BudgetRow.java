package io.tokenwarden.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import io.tokenwarden.web.UsdAmount;
import io.tokenwarden.web.WireNames;
import java.math.BigDecimal;

/** A use case's budget in a month: spent so far, the month's forecast, and where that leaves it. */
public record BudgetRow(
        String useCase,
        @UsdAmount BigDecimal budgetUsd,
        @UsdAmount BigDecimal monthToDateUsd,
        @UsdAmount BigDecimal forecastUsd,
        Status status) {

    /** {@code over}: spent more than the budget; {@code at_risk}: the forecast is over it; else {@code ok}. */
    public enum Status {
        OK,
        AT_RISK,
        OVER;

        static Status of(BigDecimal budget, BigDecimal monthToDate, BigDecimal forecast) {
            return monthToDate.compareTo(budget) > 0 ? OVER : forecast.compareTo(budget) > 0 ? AT_RISK : OK;
        }

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        /** The wire name, which is also how pages show it. */
        @Override
        public String toString() {
            return wireName();
        }
    }
}
