package io.tokenwarden.recommend;

/** The concrete change each recommendation asks for, as text an engineer can copy. */
final class HowTo {

    private HowTo() {}

    static String caching(CacheSimulation.Ttl ttl) {
        String control = ttl == CacheSimulation.Ttl.ONE_HOUR
                ? "{\"type\": \"ephemeral\", \"ttl\": \"1h\"}"
                : "{\"type\": \"ephemeral\"}";
        return """
                Mark the end of the stable prefix with cache_control and keep everything before it byte-identical.
                Stable content first (system prompt, tools, shared documents), dynamic content last.

                "system": [
                  {"type": "text", "text": "<your stable instructions and reference material>",
                   "cache_control": %s}
                ],
                "messages": [{"role": "user", "content": "<the part that changes per request>"}]

                Check usage.cache_read_input_tokens in the responses: it should carry the prefix on most calls.""".formatted(control);
    }

    static String cacheBusting() {
        return """
                The prefix changes on (almost) every call, so each call writes a cache nobody reads.
                Stop interpolating timestamps, user names, request ids or retrieved snippets into the system prompt;
                move them after the cached prefix, into the user message:

                "system": [{"type": "text", "text": "<instructions without per-request values>",
                            "cache_control": {"type": "ephemeral"}}],
                "messages": [{"role": "user", "content": "Today is 2026-11-23. User: Ada. <request>"}]""";
    }

    static String migration(String from, String target) {
        return """
                Change the model of this use case's calls, one line:

                    model="%s"   ->   model="%s"

                The target is today's routing target of the same tier in the catalog. Run your evaluation set on it
                first (prompts tuned for an older model may need a little care), then switch; a pilot on 10%% of the
                traffic shows the cost and quality_score of both before all traffic moves.""".formatted(from, target);
    }

    static String routing(String target) {
        StringBuilder rules = new StringBuilder("""
                Route by task type instead of sending everything to one model (GET /api/v1/routing-policy serves this table):

                task_type            -> model
                """);
        TaskTiers.TIER_OF_TASK.forEach((task, tier) -> rules.append("%-20s -> %s tier%n".formatted(task, tier)));
        return rules.append("""

                Pilot first: send 10%% of this use case's traffic to %s, report quality_score on both arms,
                and widen the rollout only if quality holds.""".formatted(target)).toString();
    }

    static String batch() {
        return """
                Nobody waits for these calls: submit them with the Message Batches API at half the token price.

                POST /v1/messages/batches
                {"requests": [{"custom_id": "job-42", "params": {"model": "...", "max_tokens": 1024, "messages": [...]}}]}

                Poll the batch (results usually within an hour, at most 24 h) and report the usage with
                "service_tier": "batch".""";
    }

    static String summarization() {
        return """
                Past six turns, replace the conversation history with a running summary:
                at turns 7, 13, 19, ... ask the Haiku routing target to summarize the history to about 20% of its size,
                then send [system prompt] + [summary] + [the last turns] instead of the whole transcript.""";
    }

    static String prefilter() {
        return """
                The model reads whole documents to write short answers. Split documents into chunks, retrieve
                the few relevant to the question (embeddings or keyword search), and send those instead of the
                whole text; keep the full document only for the rare questions that need it.""";
    }
}
