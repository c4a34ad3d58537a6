package io.tokenwarden.harness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** What a load run sent and was told: the ledger of acknowledged events and the counts of every kind of answer. */
public final class LoadFigures {

    private final ConcurrentLinkedQueue<long[]> ledger = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> batchMicros = new ConcurrentLinkedQueue<>();
    public final AtomicLong eventsSent = new AtomicLong();
    public final AtomicLong resentBatches = new AtomicLong();
    /** Events a deliberate re-send got back as "accepted": each would be counted twice. */
    public final AtomicLong acceptedOnResend = new AtomicLong();

    public final AtomicLong answered5xx = new AtomicLong();
    public final AtomicLong throttled = new AtomicLong();
    public final AtomicLong connectionFailures = new AtomicLong();
    public final AtomicLong otherAnswers = new AtomicLong();
    public final AtomicLong slowestFailureMicros = new AtomicLong();
    public final AtomicLong lastSuccessNanos = new AtomicLong();

    void acknowledged(long first, long size) {
        ledger.add(new long[] {first, size});
    }

    void answered(long size, boolean resend, String body, long micros) {
        eventsSent.addAndGet(size);
        lastSuccessNanos.accumulateAndGet(System.nanoTime(), Math::max);
        if (resend) {
            resentBatches.incrementAndGet();
            acceptedOnResend.addAndGet(count(body, "\"status\":\"accepted\""));
        } else {
            batchMicros.add(micros);
        }
    }

    void failed(int status, long micros, long size) {
        eventsSent.addAndGet(size);
        slowestFailureMicros.accumulateAndGet(micros, Math::max);
        AtomicLong counter = status == 0
                ? connectionFailures
                : status == 429 ? throttled : status >= 500 ? answered5xx : otherAnswers;
        counter.incrementAndGet();
    }

    public long acknowledgedEvents() {
        return ledger.stream().mapToLong(batch -> batch[1]).sum();
    }

    public Set<String> acknowledgedIds(Workload workload) {
        return numbers().mapToObj(workload::id).collect(Collectors.toSet());
    }

    public BigDecimal acknowledgedCost(Workload workload) {
        return numbers().mapToObj(workload::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Latency of first-attempt acknowledged batches, in ms, at the given percentile (0..100). */
    public double batchMillis(int percentile) {
        List<Long> sorted = new ArrayList<>(batchMicros);
        Collections.sort(sorted);
        return sorted.isEmpty()
                ? 0
                : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1000.0;
    }

    private LongStream numbers() {
        return ledger.stream().flatMapToLong(batch -> LongStream.range(batch[0], batch[0] + batch[1]));
    }

    private static long count(String body, String needle) {
        long found = 0;
        for (int at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) {
            found++;
        }
        return found;
    }
}
