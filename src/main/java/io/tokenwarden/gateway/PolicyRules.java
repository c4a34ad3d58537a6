package io.tokenwarden.gateway;

import io.tokenwarden.pricing.CatalogModel;
import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.recommend.Pilot;
import io.tokenwarden.usecase.UseCaseSettings;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One immutable set of policies: for a call, a spent budget's action (block, or downgrade to the routing target of
 * the tier below), else the arm of a running pilot (sticky per conversation), then the diagnostics field.
 */
record PolicyRules(Map<String, UseCasePolicy> byUseCase, CatalogSnapshot catalog, LocalDate budgetResetOn) {

    static final PolicyRules NONE = new PolicyRules(Map.of(), null, null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record UseCasePolicy(UseCaseSettings settings, boolean budgetSpent, List<Pilot> pilots) {}

    PolicyDecision decide(Map<String, String> headers, byte[] body, PreviousMessages previous) {
        String useCase = headers.get(GatewayHeaders.USE_CASE);
        UseCasePolicy policy = byUseCase.get(useCase);
        boolean diagnostics = policy == null || policy.settings().cacheDiagnostics();
        if (policy != null
                && policy.budgetSpent()
                && UseCaseSettings.BLOCK.equals(policy.settings().budgetAction())) {
            return PolicyDecision.block(
                    "Tokenwarden: the monthly budget of $%s for use case %s is spent; it resets on %s."
                            .formatted(policy.settings().monthlyBudget().toPlainString(), useCase, budgetResetOn));
        }
        boolean acts = policy != null
                && (!policy.pilots().isEmpty()
                        || policy.budgetSpent()
                                && UseCaseSettings.DOWNGRADE.equals(
                                        policy.settings().budgetAction()));
        RequestShape shape = diagnostics || acts ? RequestShape.of(body) : null;
        if (shape == null) {
            return PolicyDecision.unchanged(body);
        }
        String conversation = Evidence.conversationId(parse(body));
        RequestRewriter rewriter = new RequestRewriter(body, shape);
        Map<String, String> tags = new LinkedHashMap<>();
        String model = shape.modelName();
        Pilot pilot = null;
        String arm = null;
        if (policy != null
                && policy.budgetSpent()
                && UseCaseSettings.DOWNGRADE.equals(policy.settings().budgetAction())) {
            model = downgrade(model, rewriter, tags);
        } else if (policy != null) {
            for (Pilot candidate : policy.pilots()) {
                arm = assign(candidate, policy.settings(), headers, shape, conversation);
                if (arm != null) {
                    pilot = candidate;
                    model = apply(candidate, arm, model, rewriter, tags);
                    break;
                }
            }
        }
        if (diagnostics && !shape.diagnostics() && model != null) {
            rewriter.diagnostics(previous.before(conversation, useCase, model));
        }
        return new PolicyDecision(
                rewriter.bytes(),
                tags,
                null,
                pilot == null ? null : pilot.recommendationId(),
                arm,
                conversation,
                useCase,
                model,
                diagnostics && !shape.diagnostics());
    }

    private String downgrade(String model, RequestRewriter rewriter, Map<String, String> tags) {
        Optional<CatalogModel> below =
                model == null || catalog == null ? Optional.empty() : catalog.routingTargetBelow(model);
        if (below.isEmpty()) {
            tags.put("tw_budget_action", "downgrade_unavailable"); // the cheapest tier, or a model not in the catalog
            return model;
        }
        rewriter.model(below.get().id());
        tags.put("tw_budget_action", "downgrade");
        tags.put("tw_requested_model", model);
        return below.get().id();
    }

    /** The call's arm in {@code pilot}, or null when the call is not eligible for it. */
    private String assign(
            Pilot pilot,
            UseCaseSettings settings,
            Map<String, String> headers,
            RequestShape shape,
            String conversation) {
        if (pilot.routing()) {
            String taskType = headers.getOrDefault(GatewayHeaders.TASK_TYPE, settings.defaultTaskType());
            if (!pilot.eligible(taskType) || !above(shape.modelName(), pilot.targetModel())) {
                return null;
            }
        } else if (shape.cacheControl()
                || shape.systemStart() < 0 && shape.lastSystemEnd() < 0 && shape.lastToolEnd() < 0) {
            return null; // the app caches already, or there is no stable prefix to cache
        }
        return inPilot(pilot, conversation) ? Pilot.PILOT : Pilot.CONTROL;
    }

    private static String apply(
            Pilot pilot, String arm, String model, RequestRewriter rewriter, Map<String, String> tags) {
        tags.put("tw_pilot", Long.toString(pilot.recommendationId()));
        tags.put("tw_arm", arm);
        if (Pilot.CONTROL.equals(arm)) {
            return model;
        }
        if (pilot.routing()) {
            rewriter.model(pilot.targetModel());
            tags.put("tw_requested_model", model);
            return pilot.targetModel();
        }
        rewriter.cacheControl(pilot.cacheTtl());
        return model;
    }

    private boolean above(String model, String target) {
        if (catalog == null) {
            return false;
        }
        int tier = model == null
                ? -1
                : catalog.resolve(model)
                        .map(m -> CatalogModel.TIERS.indexOf(m.tier()))
                        .orElse(-1);
        int targetTier = catalog.model(target)
                .map(m -> CatalogModel.TIERS.indexOf(m.tier()))
                .orElse(Integer.MAX_VALUE);
        return tier > targetTier;
    }

    /**
     * Random, and sticky per conversation: the conversation's place in [0, 1) comes from a hash of it and the
     * pilot, so every turn of it lands in the same arm, and widening the share only moves control conversations in.
     */
    static boolean inPilot(Pilot pilot, String conversation) {
        double place = conversation == null
                ? ThreadLocalRandom.current().nextDouble()
                : unit(pilot.recommendationId() + ":" + conversation);
        return place < pilot.share().doubleValue();
    }

    /** The first 56 bits of the key's SHA-256, as a number in [0, 1). */
    private static double unit(String key) {
        return (double) Long.parseLong(Evidence.sha256(key).substring(0, 14), 16) / (1L << 56);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
