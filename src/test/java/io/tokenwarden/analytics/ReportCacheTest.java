package io.tokenwarden.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class ReportCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final ReportCache cache = new ReportCache(now::get);

    /** A report whose every computation gives a new number, so a cached answer is visible as such. */
    private static final class Counting implements Supplier<Integer> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Integer get() {
            return calls.incrementAndGet();
        }
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aResultIsServedUntilItExpires() {
        Counting report = new Counting();
        assertThat(cache.get(List.of("r"), report)).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get(List.of("r"), report)).isEqualTo(1);
        assertThat(cache.get(List.of("other"), report))
                .as("other arguments, other result")
                .isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get(List.of("r"), report)).as("after 30 s").isEqualTo(3);
    }

    @Test
    void aChangeDropsResultsOnlyOnceItsTransactionCommits() {
        Counting report = new Counting();
        cache.get(List.of("r"), report);
        TransactionSynchronizationManager.initSynchronization();
        cache.invalidateAfterCommit();
        assertThat(cache.get(List.of("r"), report)).as("not committed yet").isEqualTo(1);

        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(cache.get(List.of("r"), report)).isEqualTo(2);
    }

    @Test
    void aResultComputedWhileAChangeCommittedIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> racing = () -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                cache.invalidateAfterCommit(); // the rollup job commits while this report reads
            }
            return call;
        };
        assertThat(cache.get(List.of("r"), racing)).isEqualTo(1);
        assertThat(cache.get(List.of("r"), racing))
                .as("computed again, not the racing result")
                .isEqualTo(2);
        assertThat(cache.get(List.of("r"), racing)).isEqualTo(2);
    }

    @Test
    void afterARollupRunReportsReadInTheLastTenMinutesAreComputedAgainAtOnce() {
        Counting old = new Counting();
        Counting recent = new Counting();
        cache.get(List.of("old"), old);
        now.addAndGet(Duration.ofMinutes(8).toNanos());
        cache.get(List.of("recent"), recent);
        now.addAndGet(Duration.ofMinutes(3).toNanos()); // "old" last read 11 minutes ago, "recent" 3
        cache.get(List.of("recent"), recent); // expired: computed again (2), read now

        assertThat(cache.invalidateAndRewarm()).isEqualTo(1);
        assertThat(recent.calls).hasValue(3);
        assertThat(cache.get(List.of("recent"), recent))
                .as("served as computed by the run")
                .isEqualTo(3);
        assertThat(cache.get(List.of("old"), old))
                .as("dropped, computed by the reader")
                .isEqualTo(2);
    }

    @Test
    void aReportThatFailsWhenComputedAgainIsDroppedAndTheOthersStillRefresh() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> flaky = () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database went away");
            }
            return calls.get();
        };
        Counting steady = new Counting();
        cache.get(List.of("flaky"), flaky);
        cache.get(List.of("steady"), steady);

        assertThat(cache.invalidateAndRewarm()).isEqualTo(1);
        assertThat(cache.get(List.of("steady"), steady)).isEqualTo(2);
        assertThat(cache.get(List.of("flaky"), flaky))
                .as("computed by the reader")
                .isEqualTo(3);
    }
}
