package io.tokenwarden.alert;

import io.tokenwarden.analytics.Reports;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks every alert condition every 2 minutes ({@code tokenwarden.alerts.interval}), once across instances, each
 * kind in a transaction of its own: a spike is known within the interval plus the rollup period.
 */
@Component
public class AlertJob {

    private static final Logger log = LoggerFactory.getLogger(AlertJob.class);

    private final SpikeDetector spikes;
    private final BudgetAndHistoryAlerts standing;
    private final Reports reports;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AlertJob(
            SpikeDetector spikes,
            BudgetAndHistoryAlerts standing,
            Reports reports,
            TransactionTemplate transaction,
            Clock clock) {
        this.spikes = spikes;
        this.standing = standing;
        this.reports = reports;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tokenwarden.alerts.interval:2m}",
            initialDelayString = "${tokenwarden.alerts.interval:2m}")
    @SchedulerLock(name = "alerts", lockAtMostFor = "PT10M")
    void scheduled() {
        try {
            check(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Alert check failed: {}", e.toString());
        }
    }

    /** Every condition as of {@code now}. */
    public void check(Instant now) {
        Integer opened = transaction.execute(status -> spikes.run(now));
        transaction.executeWithoutResult(status -> standing.budgets(reports.today()));
        transaction.executeWithoutResult(status -> standing.newSpend(now));
        transaction.executeWithoutResult(status -> standing.anomalies(reports.today()));
        if (opened != null && opened > 0) {
            log.info("Alerts: {} spend spikes opened", opened);
        }
    }
}
