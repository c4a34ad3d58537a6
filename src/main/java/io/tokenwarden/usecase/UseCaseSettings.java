package io.tokenwarden.usecase;

import java.math.BigDecimal;

/**
 * What an admin says about a use case; every setting may be null (not set), except the two gateway policies, which
 * have defaults: {@code budgetAction} "alert" (what a spent budget does: alert, block or downgrade) and
 * {@code cacheDiagnostics} true (the gateway asks Anthropic why a cache was missed).
 */
public record UseCaseSettings(
        String useCase,
        String displayName,
        String ownerTeam,
        String unitName,
        BigDecimal valuePerUnit,
        BigDecimal monthlyBudget,
        String latencyClass,
        String defaultTaskType,
        String budgetAction,
        boolean cacheDiagnostics) {

    public static final String ALERT = "alert";
    public static final String BLOCK = "block";
    public static final String DOWNGRADE = "downgrade";

    public UseCaseSettings {
        budgetAction = budgetAction == null ? ALERT : budgetAction;
    }

    public UseCaseSettings(
            String useCase,
            String displayName,
            String ownerTeam,
            String unitName,
            BigDecimal valuePerUnit,
            BigDecimal monthlyBudget,
            String latencyClass,
            String defaultTaskType) {
        this(
                useCase,
                displayName,
                ownerTeam,
                unitName,
                valuePerUnit,
                monthlyBudget,
                latencyClass,
                defaultTaskType,
                ALERT,
                true);
    }

    public static UseCaseSettings unset(String useCase) {
        return new UseCaseSettings(useCase, null, null, null, null, null, null, null);
    }
}
