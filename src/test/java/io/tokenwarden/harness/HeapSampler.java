package io.tokenwarden.harness;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the app's used heap (Micrometer's jvm.memory.used, area heap) four times a second and keeps the peak. */
public final class HeapSampler implements AutoCloseable {

    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public HeapSampler(AppProcess app) {
        thread = new Thread(
                () -> {
                    while (running) {
                        sample(app);
                        sleep();
                    }
                },
                "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public long peakMegabytes() {
        return peakBytes.get() / (1024 * 1024);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void sample(AppProcess app) {
        try {
            List<Double> used = AppMetrics.values(app, "jvm.memory.used?tag=area:heap");
            if (!used.isEmpty()) {
                peakBytes.accumulateAndGet(used.get(0).longValue(), Math::max);
            }
        } catch (Exception e) {
            // a sample lost while the app is busy; the next one counts
        }
    }

    private void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            running = false;
        }
    }
}
