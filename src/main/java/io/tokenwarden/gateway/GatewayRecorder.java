package io.tokenwarden.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenwarden.ingest.EventIngestion;
import io.tokenwarden.security.AppPrincipal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Records gateway calls after their answers went out, on a thread of its own that takes whatever calls are queued
 * and stores them as one batch per app through the normal ingestion path (validated, priced, idempotent by message
 * id). When PostgreSQL cannot take them, or the queue is full, the usage goes to the durable spool and is replayed
 * later: a call is never failed or delayed for recording's sake.
 */
@Component
class GatewayRecorder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayRecorder.class);
    /** After a failed write, recordings go straight to the spool for this long; the replay finds the way back. */
    private static final long OUTAGE_NANOS = 2_000_000_000L;

    private static final int BATCH = 1000;
    /**
     * How long the recorder waits for more calls after the first before it stores them: one commit for the calls of
     * 50 ms instead of one per call. At 250 calls/s storing each on its own cost the app about 3 ms of CPU per call.
     */
    private static final long LINGER_MILLIS = 50;

    private final EventIngestion ingestion;
    private final Spool spool;
    private final Clock clock;
    private final BlockingQueue<GatewayServlet.GatewayCall> queue;
    private final Thread worker;
    private final Counter recorded;
    private final Counter rejected;
    private volatile boolean running = true;
    private volatile long databaseRetryAt = System.nanoTime();

    GatewayRecorder(
            EventIngestion ingestion, Spool spool, Clock clock, GatewayProperties properties, MeterRegistry meters) {
        this.ingestion = ingestion;
        this.spool = spool;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(properties.recordQueue());
        this.recorded = meters.counter("tokenwarden.gateway.events.recorded");
        this.rejected = meters.counter("tokenwarden.gateway.events.rejected");
        meters.gauge("tokenwarden.gateway.record.queue", queue, BlockingQueue::size);
        this.worker = new Thread(this::work, "gateway-recorder");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    void record(GatewayServlet.GatewayCall call) {
        if (!queue.offer(call)) {
            spool.append(call.principal(), GatewayEvents.of(call, clock.instant()));
        }
    }

    private void work() {
        List<GatewayServlet.GatewayCall> calls = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                GatewayServlet.GatewayCall first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                calls.add(first);
                gather(calls);
                store(calls);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Gateway: recording {} calls failed", calls.size(), e);
            } finally {
                calls.clear();
            }
        }
    }

    /**
     * Adds the calls that arrive within the linger after the first, up to a batch. The recorder sleeps through the
     * linger rather than waiting on the queue: a waiting thread is woken by every call's offer, and those wake-ups
     * (the calls unparking the recorder, the recorder parking again) took 9% of the app's CPU at 1,000 calls/s.
     */
    private void gather(List<GatewayServlet.GatewayCall> calls) throws InterruptedException {
        if (queue.size() < BATCH - 1 && running) {
            Thread.sleep(LINGER_MILLIS);
        }
        queue.drainTo(calls, BATCH - calls.size());
    }

    /** The queued calls' events, one ingestion per app; keys not yet checked, and outages, go to the spool. */
    private void store(List<GatewayServlet.GatewayCall> calls) {
        Map<Object, List<JsonNode>> byPrincipal = new LinkedHashMap<>();
        for (GatewayServlet.GatewayCall call : calls) {
            byPrincipal
                    .computeIfAbsent(call.principal(), p -> new ArrayList<>())
                    .addAll(GatewayEvents.of(call, clock.instant()));
        }
        byPrincipal.forEach((principal, events) -> {
            if (events.isEmpty()) {
                return;
            }
            if (!(principal instanceof AppPrincipal app) || System.nanoTime() - databaseRetryAt < 0) {
                spool.append(principal, events); // unchecked key, or the database failed moments ago
                return;
            }
            try {
                ingest(app, events);
            } catch (RuntimeException databaseOrOutage) {
                databaseRetryAt = System.nanoTime() + OUTAGE_NANOS;
                log.warn(
                        "Gateway: usage of {} calls spooled ({})",
                        events.size(),
                        databaseOrOutage.getClass().getSimpleName());
                spool.append(app, events);
            }
        });
    }

    /** The normal ingestion path; events it rejects are logged with their reasons, never retried. */
    void ingest(AppPrincipal app, List<JsonNode> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            List<JsonNode> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            List<String> reasons = ingestion.acceptAll(app, batch);
            recorded.increment(batch.size() - reasons.size());
            if (!reasons.isEmpty()) {
                rejected.increment(reasons.size());
                log.warn(
                        "Gateway: {} of {} events of app {} rejected: {}",
                        reasons.size(),
                        batch.size(),
                        app.appName(),
                        reasons.subList(0, Math.min(5, reasons.size())));
            }
        }
    }

    /** Stores what is queued before the app stops; a SIGKILL loses what is queued and not yet stored or spooled. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        worker.join(10_000);
        if (!queue.isEmpty()) {
            log.warn("Gateway: {} recordings still queued at shutdown", queue.size());
        }
    }
}
