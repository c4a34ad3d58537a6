package io.tokenwarden.usecase;

import io.tokenwarden.web.Money;

record UseCaseView(
        String useCase,
        String displayName,
        String ownerTeam,
        String unitName,
        String valuePerUnitUsd,
        String monthlyBudgetUsd,
        String latencyClass,
        String defaultTaskType,
        String budgetAction,
        boolean cacheDiagnostics) {

    static UseCaseView of(UseCaseSettings s) {
        return new UseCaseView(
                s.useCase(),
                s.displayName(),
                s.ownerTeam(),
                s.unitName(),
                Money.format(s.valuePerUnit()),
                Money.format(s.monthlyBudget()),
                s.latencyClass(),
                s.defaultTaskType(),
                s.budgetAction(),
                s.cacheDiagnostics());
    }
}
