package io.tokenwarden.recommend;

import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCases;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs every detector over each active use case's trailing window and records what holds. */
@Service
public class RecommendationAnalysis {

    private static final Logger log = LoggerFactory.getLogger(RecommendationAnalysis.class);

    private final List<Detector> detectors;
    private final WindowLoader loader;
    private final RecommendationStore store;
    private final SavingsMeasurer measurer;
    private final Pilots pilots;
    private final PriceCatalog catalog;
    private final UseCases useCases;
    private final Clock clock;
    private final ZoneId zone;
    private final int windowDays;
    private final BigDecimal minimumMonthlySavings;

    RecommendationAnalysis(
            List<Detector> detectors,
            WindowLoader loader,
            RecommendationStore store,
            SavingsMeasurer measurer,
            Pilots pilots,
            PriceCatalog catalog,
            UseCases useCases,
            Clock clock,
            ZoneId zone,
            RecommendationProperties properties) {
        this.detectors = detectors;
        this.loader = loader;
        this.store = store;
        this.measurer = measurer;
        this.pilots = pilots;
        this.catalog = catalog;
        this.useCases = useCases;
        this.clock = clock;
        this.zone = zone;
        this.windowDays = properties.windowDays();
        this.minimumMonthlySavings = properties.minMonthlySavings();
    }

    public record Summary(int useCases, int findings) {}

    @Transactional
    public Summary refresh() {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(windowDays));
        CatalogSnapshot prices = catalog.current();
        Map<String, UseCaseSettings> settings = useCases.byName();
        List<String> active = loader.activeUseCases(from, now);
        int findings = 0;
        for (String useCase : active) {
            UseCaseWindow window = new UseCaseWindow(
                    UseCases.of(settings, useCase), loader.events(useCase, from, now), windowDays, prices, zone);
            List<Finding> found = detect(window);
            store.apply(useCase, found);
            findings += found.size();
        }
        store.resolveAllExcept(active);
        measureImplemented(now);
        log.info("Recommendations: {} findings over {} active use cases", findings, active.size());
        return new Summary(active.size(), findings);
    }

    List<Finding> detect(UseCaseWindow window) {
        List<Finding> found = new ArrayList<>();
        for (Detector detector : detectors) {
            detector.detect(window)
                    .filter(f -> f.monthlySavings().compareTo(minimumMonthlySavings) >= 0)
                    .ifPresent(found::add);
        }
        return found;
    }

    /**
     * Records that a use case's open recommendation of one kind was implemented at {@code at} (a change made before
     * Tokenwarden was told, as in the demo workload), and measures it. False when there is no such recommendation.
     */
    @Transactional
    public boolean markImplemented(String useCase, Kind kind, Instant at, String note) {
        List<RecommendationStore.Recommendation> open = store.find(useCase, kind.wireName(), "open");
        if (open.isEmpty()) {
            return false;
        }
        store.setStatus(open.get(0).id(), "implemented", note, at);
        measureImplemented(clock.instant());
        return true;
    }

    /** Measures implemented recommendations before/after, except where a pilot measured them as an experiment. */
    void measureImplemented(Instant now) {
        java.util.Set<Long> byExperiment = pilots.measureAll();
        for (RecommendationStore.Recommendation r : store.implemented()) {
            if (!byExperiment.contains(r.id())) {
                store.saveMeasurement(r.id(), measurer.measure(r.useCase(), r.implementedAt(), now));
            }
        }
    }
}
