package io.tokenwarden.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Times a scheduled job: tokenwarden.job.duration{job, outcome=success|failure}; failures also counted apart. */
@Component
public class JobTimer {

    private final MeterRegistry registry;

    JobTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T time(String job, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        try {
            T result = work.get();
            sample.stop(registry.timer("tokenwarden.job.duration", "job", job, "outcome", "success"));
            return result;
        } catch (RuntimeException e) {
            sample.stop(registry.timer("tokenwarden.job.duration", "job", job, "outcome", "failure"));
            registry.counter("tokenwarden.job.failures", "job", job).increment();
            throw e;
        }
    }
}
