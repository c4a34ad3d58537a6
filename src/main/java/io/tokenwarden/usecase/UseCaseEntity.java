package io.tokenwarden.usecase;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "use_case")
class UseCaseEntity {

    @Id
    private String name;

    private String displayName;
    private String ownerTeam;
    private String unitName;
    private BigDecimal valuePerUnit;
    private BigDecimal monthlyBudget;
    private String latencyClass;
    private String defaultTaskType;
    private String budgetAction = UseCaseSettings.ALERT;
    private boolean cacheDiagnostics = true;
    private Instant createdAt;
    private Instant updatedAt;

    protected UseCaseEntity() {}

    UseCaseEntity(String name) {
        this.name = name;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void apply(UseCaseSettings settings) {
        displayName = settings.displayName();
        ownerTeam = settings.ownerTeam();
        unitName = settings.unitName();
        valuePerUnit = settings.valuePerUnit();
        monthlyBudget = settings.monthlyBudget();
        latencyClass = settings.latencyClass();
        defaultTaskType = settings.defaultTaskType();
        budgetAction = settings.budgetAction();
        cacheDiagnostics = settings.cacheDiagnostics();
        updatedAt = Instant.now();
    }

    UseCaseSettings settings() {
        return new UseCaseSettings(
                name,
                displayName,
                ownerTeam,
                unitName,
                valuePerUnit,
                monthlyBudget,
                latencyClass,
                defaultTaskType,
                budgetAction,
                cacheDiagnostics);
    }
}
