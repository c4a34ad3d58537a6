package io.tokenwarden.analytics;

import io.tokenwarden.web.UsdAmount;
import java.math.BigDecimal;

/** One use case's cost per business unit, value and ROI in a month. */
public record UnitCostRow(
        String useCase,
        String unitName,
        BigDecimal units,
        @UsdAmount BigDecimal costUsd,
        @UsdAmount BigDecimal costPerUnitUsd,
        @UsdAmount BigDecimal valuePerUnitUsd,
        @UsdAmount BigDecimal valueUsd,
        BigDecimal roi) {}
