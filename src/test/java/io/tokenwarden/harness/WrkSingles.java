package io.tokenwarden.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-event posts from {@code wrk} (Debian's package: C, two threads, 32 connections): a load
 * generator that leaves the two cores to the server. The Java selector client spends about 20 µs of
 * CPU per request on building its bodies and reading answers, taken from the same cores. Ids are
 * unique per wrk thread and request; the caller counts what was stored.
 */
final class WrkSingles {

    static final Path WRK = Path.of("/usr/bin/wrk");

    private static final String SCRIPT = """
            next_tid = 0
            function setup(thread)
              thread:set("tid", next_tid)
              next_tid = next_tid + 1
            end
            counter = 0
            use_cases = {"document_processing", "customer_chat", "code_review", "triage", "summarization", "search_answers"}
            models = {"claude-haiku-4-5", "claude-sonnet-4-6", "claude-opus-4-6"}
            headers = {["Authorization"] = "Bearer KEY", ["Content-Type"] = "application/json"}
            function request()
              counter = counter + 1
              local n = counter
              local body = string.format('{"event_id":"PREFIX%d-%d","occurred_at":"AT","use_case":"%s","model":"%s",'
                .. '"usage":{"input_tokens":%d,"output_tokens":%d,"cache_creation_input_tokens":0,'
                .. '"cache_read_input_tokens":%d,"service_tier":"standard"},"task_type":"extraction",'
                .. '"prompt":{"prefix_hash":"sha256:p%d","prefix_tokens":4000},"business_units":1,'
                .. '"tags":{"team":"legal","env":"prod"}}',
                tid, n, use_cases[n % 6 + 1], models[n % 3 + 1], 200 + n % 5000, 50 + n % 700,
                (n % 3 == 0) and 4000 or 0, n % 20)
              return wrk.format("POST", "/api/v1/events", headers, body)
            end
            """;

    /** What wrk printed of a run. */
    record Figures(long requests, double perSecond, long non2xx, String p50, String p99) {}

    private WrkSingles() {}

    static boolean installed() {
        return Files.isExecutable(WRK);
    }

    /** Posts single events with ids starting with {@code prefix} for {@code duration}. */
    static Figures run(AppProcess app, String key, String prefix, Duration duration)
            throws IOException, InterruptedException {
        Path script = Path.of("target", "harness", "singles-" + prefix + ".lua");
        Files.writeString(
                script,
                SCRIPT.replace("KEY", key)
                        .replace("PREFIX", prefix)
                        .replace("AT", Instant.now().minusSeconds(3600).toString()));
        Process wrk = new ProcessBuilder(
                        WRK.toString(),
                        "-t2",
                        "-c32",
                        "-d" + duration.toSeconds() + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        app.uri("/").toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return new Figures(
                Long.parseLong(find(out, "(\\d+) requests in")),
                Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)")),
                out.contains("Non-2xx") ? Long.parseLong(find(out, "Non-2xx or 3xx responses: (\\d+)")) : 0,
                find(out, "\\s50%\\s+(\\S+)"),
                find(out, "\\s99%\\s+(\\S+)"));
    }

    private static String find(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + out);
        }
        return m.group(1);
    }

    static List<String> notInstalled() {
        return List.of("| HTTP: single-event requests from wrk | not measured | `/usr/bin/wrk` is not installed"
                + " (`apt-get install wrk`) |");
    }
}
