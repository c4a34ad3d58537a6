package io.tokenwarden.analytics;

import java.math.BigDecimal;

public record UseCaseModelCost(String useCase, String model, BigDecimal cost) {}
