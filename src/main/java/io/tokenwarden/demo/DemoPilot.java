package io.tokenwarden.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A routing pilot on ticket triage, as the gateway would have recorded it over the last two days: a quarter of the
 * conversations served by the recommendation's target (Haiku 5.5) instead of Opus 4.6, with the app's quality scores (the same on both arms, so
 * the feature page shows a pilot whose quality held).
 */
final class DemoPilot {

    static final String USE_CASE = "ticket_triage";
    private static final int CALLS = 400;

    private DemoPilot() {}

    static List<JsonNode> calls(long pilotId, String target, Instant now, JsonMapper json) {
        SplittableRandom random = new SplittableRandom(7);
        List<JsonNode> calls = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(2));
        for (int i = 0; i < CALLS; i++) {
            boolean pilot = i % 4 == 0;
            ObjectNode event = json.createObjectNode();
            event.put("event_id", "demo-pilot-" + i);
            event.put(
                    "occurred_at",
                    start.plusSeconds(Duration.ofDays(2).toSeconds() * i / CALLS)
                            .toString());
            event.put("use_case", USE_CASE).put("task_type", "classification").put("latency_class", "interactive");
            event.put("model", pilot ? target : "claude-opus-4-6");
            event.putObject("usage")
                    .put("input_tokens", 800 + random.nextInt(700))
                    .put("output_tokens", 5 + random.nextInt(15));
            event.put("business_units", 1);
            event.put("quality_score", 0.86 + random.nextInt(9) / 100.0);
            event.putObject("conversation").put("id", "demo-ticket-" + i).put("turn", 1);
            ObjectNode tags = event.putObject("tags")
                    .put("team", "support")
                    .put("env", "demo")
                    .put("tw_source", "gateway")
                    .put("tw_pilot", Long.toString(pilotId))
                    .put("tw_arm", pilot ? "pilot" : "control");
            if (pilot) {
                tags.put("tw_requested_model", "claude-opus-4-6");
            }
            calls.add(event);
        }
        return calls;
    }
}
