package io.tokenwarden.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily: brings the rollups up to date, then judges every full day of the last week not judged yet. */
@Component
public class AnomalyJob {

    private static final Logger log = LoggerFactory.getLogger(AnomalyJob.class);
    private static final int CATCH_UP_DAYS = 7;

    private final RollupJob rollups;
    private final AnomalyDetector detector;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final io.tokenwarden.ops.JobTimer timer;

    private final ReportCache cache;

    AnomalyJob(
            RollupJob rollups,
            AnomalyDetector detector,
            JdbcClient jdbc,
            Clock clock,
            ZoneId zone,
            io.tokenwarden.ops.JobTimer timer,
            ReportCache cache) {
        this.cache = cache;
        this.timer = timer;
        this.rollups = rollups;
        this.detector = detector;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${tokenwarden.anomalies.cron:0 15 0 * * *}", zone = "${tokenwarden.reporting-zone:UTC}")
    @SchedulerLock(name = "anomalies", lockAtMostFor = "PT30M")
    void scheduled() {
        timer.time("anomalies", () -> {
            catchUp(CATCH_UP_DAYS);
            return null;
        });
    }

    /** Rolls up, then judges each of the last {@code days} full days not judged yet. */
    public void catchUp(int days) {
        rollups.runOnce();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<LocalDate> scanned = jdbc.sql("SELECT day FROM anomaly_scan WHERE day >= ?")
                .param(today.minusDays(days))
                .query(LocalDate.class)
                .list();
        for (LocalDate day = today.minusDays(days); day.isBefore(today); day = day.plusDays(1)) {
            if (!scanned.contains(day)) {
                int found = detector.scan(day);
                cache.invalidateAfterCommit();
                log.info("Anomaly scan of {}: {} found", day, found);
            }
        }
    }
}
