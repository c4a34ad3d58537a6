package io.tokenwarden.analytics;

/** A use case's budget status: ok, at_risk or over. */
public record BudgetRow(String useCase, String budgetUsd, String monthToDateUsd, String forecastUsd, String status) {
}
