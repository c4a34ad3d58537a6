package io.tokenwarden.analytics;

import java.time.LocalDate;

/** A day on which a use case cost more than mean + 3 sd of its previous 28 days. */
public record AnomalyRow(LocalDate day, String useCase, String costUsd, String baselineMeanUsd, String baselineSdUsd,
                         String thresholdUsd) {
}
