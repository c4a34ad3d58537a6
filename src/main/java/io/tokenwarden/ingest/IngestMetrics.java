package io.tokenwarden.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * tokenwarden.events.ingested{app, status}, tokenwarden.events.unpriced{app} and the latency of
 * each ingest request as a histogram (tokenwarden.ingest.latency).
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("tokenwarden.ingest.latency")
                .description("Time to validate, price and commit one request")
                .publishPercentileHistogram()
                .register(registry);
    }

    void record(String app, IngestResponse response, long unpriced, Duration took) {
        count(app, ItemResult.ACCEPTED, response.accepted());
        count(app, ItemResult.DUPLICATE, response.duplicates());
        count(app, ItemResult.REJECTED, response.rejected());
        if (unpriced > 0) {
            registry.counter("tokenwarden.events.unpriced", "app", app).increment(unpriced);
        }
        latency.record(took);
    }

    private void count(String app, String status, long n) {
        if (n > 0) {
            registry.counter("tokenwarden.events.ingested", "app", app, "status", status)
                    .increment(n);
        }
    }
}
