package io.tokenwarden.analytics;

import java.math.BigDecimal;

public record DailyUseCaseCost(String day, String useCase, BigDecimal cost) {}
