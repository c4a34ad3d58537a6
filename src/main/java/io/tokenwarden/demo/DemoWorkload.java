package io.tokenwarden.demo;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dozen use cases with the skew the article describes: contract review, document Q&A and chat
 * make most of the spend, and each recommendation kind has a use case that earns it.
 */
final class DemoWorkload {

    private DemoWorkload() {}

    /**
     * @param routedOn when the SQL assistant moved from Sonnet 4.6 to Haiku 4.5, the model_routing recommendation the
     *                 demo marks implemented then, so that realized savings show a measured figure on first start
     */
    static List<DemoUseCase> useCases(java.time.Instant routedOn) {
        return List.of(
                // a stable 4,000-token system prompt sent thousands of times a day without caching
                new DemoUseCase(
                        "legal_review",
                        "Contract review",
                        "legal",
                        "contract",
                        new BigDecimal("40"),
                        new BigDecimal("1200"),
                        "interactive",
                        "document_review",
                        1500,
                        7,
                        19,
                        (c, e) -> {
                            usage(
                                    e,
                                    "claude-sonnet-4-5-20250929",
                                    4000 + c.between(1500, 3500),
                                    c.between(400, 900),
                                    0,
                                    0);
                            prompt(e, "sha256:legal-system-v3", 4000);
                            e.put("business_units", 1).put("quality_score", c.between(88, 97) / 100.0);
                        }),
                // whole documents in, one-line answers out
                new DemoUseCase(
                        "document_qa",
                        "Document Q&A",
                        "legal",
                        "question",
                        new BigDecimal("3"),
                        new BigDecimal("900"),
                        "interactive",
                        "analysis",
                        200,
                        8,
                        18,
                        (c, e) -> {
                            usage(
                                    e,
                                    "claude-sonnet-4-5-20250929",
                                    c.between(45_000, 80_000),
                                    c.between(300, 600),
                                    0,
                                    0);
                            e.put("business_units", 1);
                        }),
                // growing chats: the whole transcript is resent every turn
                new DemoUseCase(
                        "support_chat",
                        "Support chat",
                        "support",
                        "conversation",
                        new BigDecimal("4"),
                        new BigDecimal("800"),
                        "interactive",
                        "drafting",
                        1200,
                        0,
                        23,
                        (c, e) -> {
                            int turn = (int) (c.n() % 12) + 1;
                            usage(e, "claude-sonnet-4-6", 1500 + 900L * (turn - 1), c.between(120, 300), 0, 0);
                            e.putObject("conversation")
                                    .put("id", "chat-" + c.n() / 12)
                                    .put("turn", turn);
                            if (turn == 12) {
                                e.put("business_units", 1);
                            }
                        }),
                // nightly reports that nobody waits for, not on the Batch API
                new DemoUseCase(
                        "nightly_reports",
                        "Nightly reports",
                        "finance",
                        "report",
                        null,
                        new BigDecimal("400"),
                        "background",
                        "long_summarization",
                        150,
                        1,
                        4,
                        (c, e) ->
                                usage(e, "claude-sonnet-4-6", c.between(10_000, 14_000), c.between(2000, 3000), 0, 0)),
                // classification on Opus
                new DemoUseCase(
                        "ticket_triage",
                        "Ticket triage",
                        "support",
                        "ticket",
                        new BigDecimal("0.5"),
                        null,
                        "interactive",
                        "classification",
                        800,
                        0,
                        23,
                        (c, e) -> {
                            usage(e, "claude-opus-4-6", c.between(800, 1500), c.between(5, 20), 0, 0);
                            e.put("task_type", "classification").put("business_units", 1);
                        }),
                // a timestamp interpolated into the system prompt: every call writes a cache nobody reads
                new DemoUseCase(
                        "onboarding_assistant",
                        "Onboarding assistant",
                        "growth",
                        null,
                        null,
                        null,
                        "interactive",
                        "drafting",
                        400,
                        8,
                        20,
                        (c, e) -> {
                            usage(e, "claude-sonnet-4-6", c.between(300, 700), c.between(200, 400), 3000, 0);
                            prompt(e, "sha256:onboarding-" + c.at().toEpochMilli(), 3000);
                        }),
                wellRun(
                        "code_review",
                        "Code review",
                        "engineering",
                        "claude-sonnet-4-6",
                        "code_generation",
                        250,
                        1500,
                        500,
                        2500),
                wellRun(
                        "email_drafting",
                        "Email drafts",
                        "sales",
                        "claude-haiku-4-5",
                        "short_summarization",
                        400,
                        600,
                        200,
                        0),
                // format conversion on Sonnet until it was routed to Haiku (the implemented recommendation)
                new DemoUseCase(
                        "sql_assistant",
                        "SQL assistant",
                        "data",
                        null,
                        null,
                        null,
                        "interactive",
                        "format_conversion",
                        300,
                        8,
                        19,
                        (c, e) -> {
                            usage(
                                    e,
                                    c.at().isBefore(routedOn) ? "claude-sonnet-4-6" : "claude-haiku-4-5",
                                    900 + c.between(0, 180),
                                    120 + c.between(0, 24),
                                    0,
                                    0);
                            e.put("task_type", "format_conversion");
                        }),
                // a budget of $5 a month that it crosses half of within two days: a budget_threshold alert
                withBudget(
                        wellRun(
                                "meeting_notes",
                                "Meeting notes",
                                "operations",
                                "claude-sonnet-4-6",
                                "long_summarization",
                                80,
                                6000,
                                700,
                                0),
                        new BigDecimal("5")),
                wellRun(
                        "translation",
                        "Translation",
                        "growth",
                        "claude-haiku-4-5",
                        "format_conversion",
                        150,
                        700,
                        700,
                        0),
                new DemoUseCase(
                        "sentiment_tagging",
                        "Sentiment tagging",
                        "data",
                        null,
                        null,
                        null,
                        "background",
                        "classification",
                        800,
                        0,
                        23,
                        (c, e) -> {
                            usage(e, "claude-haiku-4-5", c.between(200, 400), c.between(3, 8), 0, 0);
                            ((ObjectNode) e.get("usage")).put("service_tier", "batch");
                        }));
    }

    private static DemoUseCase withBudget(DemoUseCase u, BigDecimal budget) {
        return new DemoUseCase(
                u.name(),
                u.displayName(),
                u.team(),
                u.unit(),
                u.valuePerUnit(),
                budget,
                u.latencyClass(),
                u.defaultTaskType(),
                u.perDay(),
                u.firstHour(),
                u.lastHour(),
                u.shape());
    }

    private static DemoUseCase wellRun(
            String name,
            String display,
            String team,
            String model,
            String task,
            int perDay,
            int input,
            int output,
            int cachedPrefix) {
        return new DemoUseCase(name, display, team, null, null, null, "interactive", task, perDay, 8, 19, (c, e) -> {
            usage(e, model, input + c.between(0, input / 5), output + c.between(0, output / 5), 0, cachedPrefix);
            e.put("task_type", task);
            if (cachedPrefix > 0) {
                prompt(e, "sha256:" + name + "-prefix", cachedPrefix);
            }
        });
    }

    private static void usage(
            ObjectNode event, String model, long input, long output, long cacheWrite, long cacheRead) {
        event.put("model", model);
        ObjectNode usage = event.putObject("usage");
        usage.put("input_tokens", input)
                .put("output_tokens", output)
                .put("cache_creation_input_tokens", cacheWrite)
                .put("cache_read_input_tokens", cacheRead);
    }

    private static void prompt(ObjectNode event, String hash, long tokens) {
        event.putObject("prompt").put("prefix_hash", hash).put("prefix_tokens", tokens);
    }
}
