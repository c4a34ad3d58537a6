package io.tokenwarden.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An event writer waits for a price change in progress and then prices with what it committed. */
@IntegrationTest
class CatalogLockTest {

    @Autowired
    PriceCatalog catalog;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWriterWaitingOnAPriceChangeSeesTheRevisionItCommitted() throws Exception {
        CountDownLatch changing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Threads of its own: the common pool has one thread on two cores, and the change blocks it.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Long> change = CompletableFuture.supplyAsync(
                () -> transaction.execute(status -> {
                    catalog.beginChange();
                    changing.countDown();
                    await(release);
                    return jdbc.sql("SELECT revision FROM catalog_revision")
                            .query(Long.class)
                            .single();
                }),
                threads);
        assertThat(changing.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Long> writer = CompletableFuture.supplyAsync(
                () -> transaction.execute(status -> catalog.forWrite().revision()), threads);
        awaitWaitingOnTheLock();
        assertThat(writer).isNotDone();

        release.countDown();
        long committed = change.get(10, TimeUnit.SECONDS);
        assertThat(writer.get(10, TimeUnit.SECONDS)).isEqualTo(committed);
        threads.shutdown();
    }

    /** The writer's backend is queued on the catalog's advisory lock (not merely slow to start). */
    private void awaitWaitingOnTheLock() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            long waiting = jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class)
                    .single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the writer never waited on the catalog lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
