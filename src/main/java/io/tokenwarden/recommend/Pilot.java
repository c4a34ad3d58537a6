package io.tokenwarden.recommend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A recommendation tried on a share of a use case's gateway traffic. {@code targetModel} and {@code taskTypes} (null:
 * every request is eligible) for model routing; {@code cacheTtl} ("5m" or "1h") for prompt caching.
 */
public record Pilot(
        long recommendationId,
        String useCase,
        String kind,
        BigDecimal share,
        Instant startedAt,
        String targetModel,
        List<String> taskTypes,
        String cacheTtl) {

    public static final String CONTROL = "control";
    public static final String PILOT = "pilot";

    public boolean routing() {
        return Kind.MODEL_ROUTING.wireName().equals(kind);
    }

    public boolean eligible(String taskType) {
        return taskTypes == null || taskTypes.contains(taskType);
    }
}
