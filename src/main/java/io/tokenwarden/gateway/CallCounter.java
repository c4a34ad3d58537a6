package io.tokenwarden.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code tokenwarden.gateway.calls{status=2xx|3xx|4xx|5xx}}: what the app got for each gateway call, the upstream's
 * status or the gateway's own. Counters made once, so counting a call allocates nothing.
 */
final class CallCounter {

    private final Counter[] byClass = new Counter[6];

    CallCounter(MeterRegistry meters) {
        for (int statusClass = 1; statusClass < byClass.length; statusClass++) {
            byClass[statusClass] = meters.counter("tokenwarden.gateway.calls", "status", statusClass + "xx");
        }
    }

    void count(int status) {
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass < byClass.length) {
            byClass[statusClass].increment();
        }
    }
}
