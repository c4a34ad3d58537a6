package io.tokenwarden.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API.md's task-type vocabulary: the model tier each task needs. Other task types have no tier. */
final class TaskTiers {

    static final Map<String, String> TIER_OF_TASK = new LinkedHashMap<>();
    private static final List<String> ORDER = io.tokenwarden.pricing.CatalogModel.TIERS;

    static {
        List.of(
                        "classification",
                        "extraction",
                        "yes_no",
                        "short_summarization",
                        "triage",
                        "routing",
                        "format_conversion")
                .forEach(t -> TIER_OF_TASK.put(t, "haiku"));
        List.of(
                        "drafting",
                        "analysis",
                        "code_generation",
                        "long_summarization",
                        "multi_step_reasoning",
                        "document_review")
                .forEach(t -> TIER_OF_TASK.put(t, "sonnet"));
        List.of("complex_analysis", "extended_reasoning", "agentic", "high_stakes")
                .forEach(t -> TIER_OF_TASK.put(t, "opus"));
    }

    private TaskTiers() {}

    static Optional<String> tierOf(String taskType) {
        return Optional.ofNullable(taskType == null ? null : TIER_OF_TASK.get(taskType));
    }

    /** True when a model of {@code modelTier} is more than the task needs. */
    static boolean above(String modelTier, String taskTier) {
        return modelTier != null && ORDER.indexOf(modelTier) > ORDER.indexOf(taskTier);
    }
}
