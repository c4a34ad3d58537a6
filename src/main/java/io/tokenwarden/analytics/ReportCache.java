package io.tokenwarden.analytics;

import io.tokenwarden.usecase.UseCaseSettingsChanged;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Report results by their arguments. Reports read only the rollups and the use-case settings, which
 * change when the rollup job absorbs rows, when prices are re-applied, when anomalies are judged and
 * when settings are edited: each of those drops everything (after its commit). A page view in
 * between is then a map lookup instead of a dozen aggregations. Entries also expire after a while,
 * which bounds staleness when another instance made the change.
 */
@Component
class ReportCache {

    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 2_000;

    private record Entry(Object value, long expiresAt) {
    }

    private final Map<List<Object>, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @SuppressWarnings("unchecked")
    <T> T get(List<Object> key, Supplier<T> compute) {
        Entry entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && now - entry.expiresAt() < 0) {
            return (T) entry.value();
        }
        long seen = generation.get();
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        if (generation.get() == seen) { // nothing changed while computing, so the result is current
            entries.put(key, new Entry(value, now + TIME_TO_LIVE.toNanos()));
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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UseCaseSettingsChanged changed) {
        invalidate();
    }

    private void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }
}
