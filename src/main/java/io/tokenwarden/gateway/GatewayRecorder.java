package io.tokenwarden.gateway;

import io.tokenwarden.ingest.EventIngestion;
import io.tokenwarden.security.AppPrincipal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Records gateway calls after their answers went out, on threads of its own, through the normal ingestion path
 * (validated, priced, idempotent by message id). When PostgreSQL cannot take them, or the queue is full, the usage
 * goes to the durable spool and is replayed later: a call is never failed or delayed for recording's sake.
 */
@Component
class GatewayRecorder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayRecorder.class);

    private final EventIngestion ingestion;
    private final Spool spool;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Counter recorded;
    private final Counter rejected;
    /** After a failed write, recordings go straight to the spool for this long; the replay finds the way back. */
    private static final long OUTAGE_NANOS = 2_000_000_000L;
    private volatile long databaseRetryAt = System.nanoTime();

    GatewayRecorder(EventIngestion ingestion, Spool spool, Clock clock, GatewayProperties properties,
                    MeterRegistry meters) {
        this.ingestion = ingestion;
        this.spool = spool;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.recordQueue()), r -> {
                    Thread thread = new Thread(r, "gateway-recorder");
                    thread.setDaemon(true);
                    return thread;
                });
        this.recorded = meters.counter("tokenwarden.gateway.events.recorded");
        this.rejected = meters.counter("tokenwarden.gateway.events.rejected");
    }

    void record(GatewayController.GatewayCall call) {
        try {
            executor.execute(() -> store(call));
        } catch (RejectedExecutionException full) {
            spool.append(call.principal(), GatewayEvents.of(call, clock.instant()));
        }
    }

    private void store(GatewayController.GatewayCall call) {
        List<JsonNode> events = GatewayEvents.of(call, clock.instant());
        if (events.isEmpty()) {
            return;
        }
        if (!(call.principal() instanceof AppPrincipal app)) {
            spool.append(call.principal(), events); // a key not checked yet: it waits for the database
            return;
        }
        if (System.nanoTime() - databaseRetryAt < 0) {
            spool.append(app, events); // the database failed moments ago: no call waits for another timeout
            return;
        }
        try {
            ingest(app, events);
        } catch (RuntimeException databaseOrOutage) {
            databaseRetryAt = System.nanoTime() + OUTAGE_NANOS;
            log.warn("Gateway: usage of {} calls spooled ({})", events.size(), databaseOrOutage.getClass().getSimpleName());
            spool.append(app, events);
        }
    }

    /** The normal ingestion path; events it rejects are logged with their reasons, never retried. */
    void ingest(AppPrincipal app, List<JsonNode> events) {
        List<String> reasons = ingestion.acceptAll(app, events);
        recorded.increment(events.size() - reasons.size());
        if (!reasons.isEmpty()) {
            rejected.increment(reasons.size());
            log.warn("Gateway: {} of {} events of app {} rejected: {}", reasons.size(), events.size(), app.appName(),
                    reasons);
        }
    }

    /** Waits briefly for queued recordings on shutdown; what is still queued after that is spooled by nobody. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Gateway: {} recordings still queued at shutdown", executor.getQueue().size());
        }
    }
}
