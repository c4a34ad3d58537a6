package io.tokenwarden.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * One use case of the demo: its settings, how many calls a day at which hours, and how each call
 * looks. {@code shape} fills an event's fields (model, usage, prompt...) given the call number.
 */
record DemoUseCase(
        String name,
        String displayName,
        String team,
        String unit,
        BigDecimal valuePerUnit,
        BigDecimal budget,
        String latencyClass,
        String defaultTaskType,
        int perDay,
        int firstHour,
        int lastHour,
        BiConsumer<Call, ObjectNode> shape) {

    /** One generated call: its number in the run, its time, and a seeded random source. */
    record Call(long n, Instant at, SplittableRandom random) {

        int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }
    }
}
