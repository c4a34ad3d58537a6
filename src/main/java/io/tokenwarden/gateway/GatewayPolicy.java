package io.tokenwarden.gateway;

import io.tokenwarden.analytics.BudgetRow;
import io.tokenwarden.analytics.Reports;
import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.recommend.Pilot;
import io.tokenwarden.recommend.Pilots;
import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCaseSettingsChanged;
import io.tokenwarden.usecase.UseCases;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gateway's policies, held in memory so that a call costs no database round trip: each use case's settings,
 * whether its monthly budget is spent, and its running pilots. Refreshed every
 * {@code tokenwarden.gateway.policy-refresh} (15 s) and whenever settings change. Month-to-date spend comes from
 * the rollups (every {@code tokenwarden.rollup.interval}, 30 s), so a budget is seen as spent at most one rollup
 * period plus one refresh after it was: that is the overshoot, per instance, that a block or downgrade allows.
 */
@Component
class GatewayPolicy {

    private static final Logger log = LoggerFactory.getLogger(GatewayPolicy.class);

    private final UseCases useCases;
    private final Reports reports;
    private final Pilots pilots;
    private final PriceCatalog catalog;
    private final PreviousMessages previous = new PreviousMessages(100_000);
    private final Map<String, LongAdder> pilotErrors = new ConcurrentHashMap<>();
    private volatile PolicyRules rules = PolicyRules.NONE;

    GatewayPolicy(UseCases useCases, Reports reports, Pilots pilots, PriceCatalog catalog) {
        this.useCases = useCases;
        this.reports = reports;
        this.pilots = pilots;
        this.catalog = catalog;
    }

    PolicyDecision decide(Map<String, String> headers, byte[] body) {
        return rules.decide(headers, body, previous);
    }

    /** After the answer: remembers its id for the next diagnostics field; counts a pilot's refused calls. */
    void answered(PolicyDecision decision, int status, String messageId) {
        if (decision.pilotId() != null && status / 100 != 2) {
            pilotErrors
                    .computeIfAbsent(decision.pilotId() + "|" + decision.arm(), k -> new LongAdder())
                    .increment();
        }
        if (decision.diagnostics() && messageId != null) {
            previous.remember(decision.conversationId(), decision.useCase(), decision.model(), messageId);
        }
    }

    @EventListener({UseCaseSettingsChanged.class, org.springframework.boot.context.event.ApplicationReadyEvent.class})
    void settingsChanged() {
        refresh();
    }

    @Scheduled(fixedDelayString = "${tokenwarden.gateway.policy-refresh:PT15S}", initialDelayString = "PT1S")
    void refresh() {
        try {
            YearMonth month = YearMonth.from(reports.today());
            Map<String, BigDecimal> spent = reports.budgets(month).stream()
                    .collect(Collectors.toMap(BudgetRow::useCase, row -> row.monthToDateUsd(), (a, b) -> a));
            Map<String, List<Pilot>> running = pilots.active().stream().collect(Collectors.groupingBy(Pilot::useCase));
            Map<String, PolicyRules.UseCasePolicy> byUseCase = new HashMap<>();
            Map<String, UseCaseSettings> settingsByName = new HashMap<>(useCases.byName());
            running.keySet().forEach(useCase -> settingsByName.putIfAbsent(useCase, UseCaseSettings.unset(useCase)));
            for (UseCaseSettings settings : settingsByName.values()) {
                BigDecimal budget = settings.monthlyBudget();
                boolean over = budget != null
                        && spent.getOrDefault(settings.useCase(), BigDecimal.ZERO)
                                        .compareTo(budget)
                                >= 0;
                byUseCase.put(
                        settings.useCase(),
                        new PolicyRules.UseCasePolicy(
                                settings, over, running.getOrDefault(settings.useCase(), List.of())));
            }
            rules = new PolicyRules(
                    byUseCase, catalog.current(), month.plusMonths(1).atDay(1));
        } catch (RuntimeException e) {
            log.warn(
                    "Gateway: policies not refreshed, the previous ones stay ({})",
                    e.getClass().getSimpleName());
        }
        flushPilotErrors();
    }

    /** Stores the refused calls counted since the last refresh; what cannot be stored now is kept for the next. */
    private void flushPilotErrors() {
        pilotErrors.forEach((key, count) -> {
            long errors = count.sumThenReset();
            if (errors == 0) {
                return;
            }
            int bar = key.indexOf('|');
            try {
                pilots.countErrors(Long.parseLong(key.substring(0, bar)), key.substring(bar + 1), errors);
            } catch (RuntimeException databaseDown) {
                count.add(errors);
            }
        });
    }
}
