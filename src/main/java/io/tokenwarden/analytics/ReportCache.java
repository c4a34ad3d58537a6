package io.tokenwarden.analytics;

import io.tokenwarden.usecase.UseCaseSettingsChanged;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Report results by their arguments. Reports read only the rollups and the use-case settings, which
 * change when the rollup job absorbs rows, when prices are re-applied, when anomalies are judged and
 * when settings are edited: each of those drops everything (after its commit). A page view in
 * between is then a map lookup instead of a dozen aggregations. After a rollup run the reports read
 * in the last ten minutes are computed again at once by the job, so that under steady
 * ingestion (a run every 30 s) the pages people look at stay warm. Entries also expire after a
 * while, which bounds staleness when another instance made the change.
 */
@Component
class ReportCache {

    private static final Logger log = LoggerFactory.getLogger(ReportCache.class);
    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final Duration HOT = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 2_000;
    private static final int MAX_REWARMED = 200;

    private record Entry(Object value, long expiresAt, Supplier<?> compute, AtomicLong lastRead) {}

    private final Map<List<Object>, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanoTime;

    ReportCache() {
        this(System::nanoTime);
    }

    ReportCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @SuppressWarnings("unchecked")
    <T> T get(List<Object> key, Supplier<T> compute) {
        Entry entry = entries.get(key);
        long now = nanoTime.getAsLong();
        if (entry != null && now - entry.expiresAt() < 0) {
            entry.lastRead().set(now);
            return (T) entry.value();
        }
        return (T) load(key, compute, now);
    }

    private Object load(List<Object> key, Supplier<?> compute, long lastRead) {
        long seen = generation.get();
        long started = nanoTime.getAsLong();
        Object value = compute.get();
        synchronized (this) { // with invalidate(): a result computed before a change never lands after it
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            if (generation.get() == seen) {
                entries.put(key, new Entry(value, started + TIME_TO_LIVE.toNanos(), compute, new AtomicLong(lastRead)));
            }
        }
        return value;
    }

    /** Drops every result once the current transaction commits (at once outside a transaction). */
    void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    /**
     * Drops every result, then computes again, in the caller's thread, those read recently (most
     * recent first). Call after the change has committed. A page view meanwhile computes its own.
     */
    int invalidateAndRewarm() {
        long now = nanoTime.getAsLong();
        List<Map.Entry<List<Object>, Entry>> hot = entries.entrySet().stream()
                .filter(e -> now - e.getValue().lastRead().get() < HOT.toNanos())
                .sorted(Comparator.comparingLong((Map.Entry<List<Object>, Entry> e) ->
                                e.getValue().lastRead().get())
                        .reversed())
                .limit(MAX_REWARMED)
                .toList();
        long seen = invalidate();
        int rewarmed = 0;
        for (Map.Entry<List<Object>, Entry> e : hot) {
            if (generation.get() != seen) {
                break; // a newer change: whoever made it decides
            }
            try {
                load(e.getKey(), e.getValue().compute(), e.getValue().lastRead().get());
                rewarmed++;
            } catch (RuntimeException failure) {
                log.warn("Could not compute report {} again: {}", e.getKey(), failure.toString());
            }
        }
        return rewarmed;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UseCaseSettingsChanged changed) {
        invalidate();
    }

    private synchronized long invalidate() {
        entries.clear();
        return generation.incrementAndGet();
    }
}
