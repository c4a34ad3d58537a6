package io.tokenwarden.analytics;

import java.math.BigDecimal;

/** One use case's cost per business unit, value and ROI in a month. */
public record UnitCostRow(String useCase, String unitName, BigDecimal units, String costUsd, String costPerUnitUsd,
                          String valuePerUnitUsd, String valueUsd, BigDecimal roi) {
}
