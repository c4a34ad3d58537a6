package io.tokenwarden.analytics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenwarden.ops.JobTimer;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls up what was stored since the last run. Each stream's window and its watermark move in one
 * transaction: a crash rolls both back, and a second instance waits on the watermark row, then
 * starts where the first one stopped. So nothing is lost or added twice.
 */
@Component
public class RollupJob {

    private static final Logger log = LoggerFactory.getLogger(RollupJob.class);

    private final Rollups rollups;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JobTimer timer;

    private final ReportCache cache;

    RollupJob(
            Rollups rollups,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            JobTimer timer,
            MeterRegistry registry,
            ReportCache cache) {
        this.cache = cache;
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.timer = timer;
        Gauge.builder("tokenwarden.rollup.lag.seconds", this, RollupJob::lagSeconds)
                .description("Age of the oldest stored event not yet in the rollups (0 when none)")
                .register(registry);
    }

    /** Seconds since the oldest not-yet-rolled-up event was received. */
    double lagSeconds() {
        try {
            return jdbc.sql("""
                            SELECT coalesce(extract(epoch FROM now() - min(e.received_at)), 0)::float8 FROM usage_event e
                            WHERE e.ingest_xid >= (SELECT processed_below FROM rollup_watermark WHERE stream = 'usage_event')""").query(Double.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Scheduled(fixedDelayString = "${tokenwarden.rollup.interval:PT30S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "rollup", lockAtMostFor = "PT30M")
    void scheduled() {
        timer.time("rollup", this::runOnce);
    }

    /** One pass over both streams; returns the number of rollup groups touched. */
    public long runOnce() {
        long started = System.nanoTime();
        long groups = transaction.execute(status -> {
            rebuildIfZoneChanged();
            return step("usage_event") + step("outcome");
        });
        if (groups > 0) {
            long rolledUp = System.nanoTime();
            int rewarmed = cache.invalidateAndRewarm();
            log.info(
                    "Rolled up {} groups in {} ms; computed {} recently read reports again in {} ms",
                    groups,
                    (rolledUp - started) / 1_000_000,
                    rewarmed,
                    (System.nanoTime() - rolledUp) / 1_000_000);
        }
        return groups;
    }

    /**
     * Runs until everything committed before the call is in the rollups. A single run stops below
     * the oldest transaction still open, so this waits (up to {@code timeout}) for those to end.
     */
    public void catchUp(Duration timeout) {
        String target = jdbc.sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")
                .query(String.class)
                .single();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            runOnce();
            boolean done = jdbc.sql("SELECT bool_and(processed_below >= ?::xid8) FROM rollup_watermark")
                    .param(target)
                    .query(Boolean.class)
                    .single();
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Rollups did not catch up within " + timeout
                        + ": a transaction older than the call is still open");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while catching up", e);
        }
    }

    long step(String stream) {
        String from = jdbc.sql("SELECT processed_below::text FROM rollup_watermark WHERE stream = ? FOR UPDATE")
                .param(stream)
                .query(String.class)
                .single();
        // Every transaction with an id below this has ended: none of their rows can still appear.
        String to = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
                .query(String.class)
                .single();
        if (Long.parseLong(to) <= Long.parseLong(from)) {
            return 0;
        }
        long groups = stream.equals("usage_event") ? rollups.addEvents(from, to) : rollups.addOutcomes(from, to);
        jdbc.sql("UPDATE rollup_watermark SET processed_below = ?::xid8, updated_at = now() WHERE stream = ?")
                .params(to, stream)
                .update();
        return groups;
    }

    private void rebuildIfZoneChanged() {
        String zone = rollups.zone().getId();
        String stored = jdbc.sql("SELECT reporting_zone FROM rollup_watermark WHERE stream = 'usage_event' FOR UPDATE")
                .query(String.class)
                .single();
        if (stored.equals(zone)) {
            return;
        }
        log.warn("Reporting zone changed from {} to {}: rebuilding all rollups", stored, zone);
        jdbc.sql(
                        "TRUNCATE daily_rollup, monthly_rollup, daily_use_case_rollup, daily_tag_rollup, daily_outcome_rollup, "
                                + "hourly_use_case_rollup")
                .update();
        jdbc.sql("UPDATE rollup_watermark SET processed_below = '0', reporting_zone = ?")
                .param(zone)
                .update();
    }
}
