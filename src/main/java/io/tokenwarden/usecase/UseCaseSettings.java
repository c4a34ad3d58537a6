package io.tokenwarden.usecase;

import java.math.BigDecimal;

/** What an admin says about a use case; every setting may be null (not set). */
public record UseCaseSettings(String useCase, String displayName, String ownerTeam, String unitName,
                              BigDecimal valuePerUnit, BigDecimal monthlyBudget, String latencyClass,
                              String defaultTaskType) {

    public static UseCaseSettings unset(String useCase) {
        return new UseCaseSettings(useCase, null, null, null, null, null, null, null);
    }
}
