package io.tokenwarden.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class JobTimerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobTimer timer = new JobTimer(registry);

    @Test
    void timesSuccessesAndCountsFailures() {
        assertThat(timer.time("rollup", () -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> timer.time("rollup", () -> {
                    throw new IllegalStateException("database gone");
                }))
                .hasMessage("database gone");

        assertThat(registry.get("tokenwarden.job.duration")
                        .tags("job", "rollup", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("tokenwarden.job.duration")
                        .tags("job", "rollup", "outcome", "failure")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("tokenwarden.job.failures")
                        .tags("job", "rollup")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}
