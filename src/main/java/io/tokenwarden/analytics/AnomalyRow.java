package io.tokenwarden.analytics;

import io.tokenwarden.web.UsdAmount;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A day on which a use case cost more than mean + 3 sd of its previous 28 days. */
public record AnomalyRow(
        LocalDate day,
        String useCase,
        @UsdAmount BigDecimal costUsd,
        @UsdAmount BigDecimal baselineMeanUsd,
        @UsdAmount BigDecimal baselineSdUsd,
        @UsdAmount BigDecimal thresholdUsd) {}
