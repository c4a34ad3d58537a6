package io.tokenwarden.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tokenwarden.security.AppPrincipal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitGroupShutdownTest {

    @Test
    void aRequestArrivingAfterShutdownIsRefusedInsteadOfWaitingForever() throws Exception {
        CommitGroup group = new CommitGroup(null, null, new SimpleMeterRegistry());
        group.destroy();
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> group.write(new AppPrincipal(1, "app", "key"), List.of()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("shutting down"));
    }
}
