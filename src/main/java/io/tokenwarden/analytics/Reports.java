package io.tokenwarden.analytics;

import io.tokenwarden.usecase.Scope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/** The reports as Java calls, for the pages; the JSON API serves the same objects. Results are cached ({@link ReportCache}). */
@Service
public class Reports {

    private final SpendQuery spend;
    private final ParetoQuery pareto;
    private final UnitCostQuery unitCosts;
    private final BudgetQuery budgets;
    private final AnomalyQuery anomalies;
    private final FeatureQuery features;
    private final ZoneId zone;
    private final Clock clock;
    private final ReportCache cache;

    Reports(
            SpendQuery spend,
            ParetoQuery pareto,
            UnitCostQuery unitCosts,
            BudgetQuery budgets,
            AnomalyQuery anomalies,
            FeatureQuery features,
            ZoneId zone,
            Clock clock,
            ReportCache cache) {
        this.cache = cache;
        this.spend = spend;
        this.pareto = pareto;
        this.unitCosts = unitCosts;
        this.budgets = budgets;
        this.anomalies = anomalies;
        this.features = features;
        this.zone = zone;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public SpendReport spend(LocalDate from, LocalDate to, String groupBy) {
        return spend(from, to, groupBy, Scope.ALL);
    }

    /** Spend as {@code scope} sees it: other use cases are absent, from the rows and from the totals. */
    public SpendReport spend(LocalDate from, LocalDate to, String groupBy, Scope scope) {
        SpendGrouping grouping = SpendGrouping.parse(groupBy);
        return cache.get(List.of("spend", from, to, groupBy, key(scope)), () -> spend.run(from, to, grouping, scope));
    }

    public SpendReport spend(YearMonth month, String groupBy) {
        return spend(month.atDay(1), month.atEndOfMonth(), groupBy);
    }

    public ParetoReport pareto(YearMonth month) {
        return pareto(month, Scope.ALL);
    }

    /** The 80/20 breakdown of the use cases {@code scope} sees, as if the others did not exist. */
    public ParetoReport pareto(YearMonth month, Scope scope) {
        return cache.get(List.of("pareto", month, key(scope)), () -> pareto.run(month, scope));
    }

    private static String key(Scope scope) {
        return scope.all() ? "*" : String.join(",", scope.sqlArray());
    }

    public List<UnitCostRow> unitCosts(YearMonth month) {
        return cache.get(List.of("unitCosts", month), () -> unitCosts.run(month));
    }

    public List<BudgetRow> budgets(YearMonth month) {
        return budgets(month, today());
    }

    public List<BudgetRow> budgets(YearMonth month, LocalDate asOf) {
        return cache.get(List.of("budgets", month, asOf), () -> budgets.run(month, asOf));
    }

    /**
     * The month's forecast over every use case: month to date + the mean daily cost of the 7 days before today x the
     * days left (the budgets' rule); a past month's is its total.
     */
    public BigDecimal forecast(YearMonth month) {
        LocalDate today = today();
        return cache.get(List.of("forecast", month, today), () -> budgets.total(month, today));
    }

    public List<AnomalyRow> anomalies(YearMonth month) {
        return cache.get(List.of("anomalies", month), () -> anomalies.run(month));
    }

    public List<DailyUseCaseCost> daily(YearMonth month) {
        return cache.get(List.of("daily", month), () -> features.daily(month.atDay(1), month.atEndOfMonth()));
    }

    public List<UseCaseModelCost> modelMix(YearMonth month) {
        return cache.get(List.of("modelMix", month), () -> features.modelMix(month.atDay(1), month.atEndOfMonth()));
    }

    public FeatureStats feature(String useCase, LocalDate from, LocalDate to) {
        return cache.get(List.of("feature", useCase, from, to), () -> features.run(useCase, from, to, zone));
    }
}
