package io.tokenwarden.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in of the Messages API: JSON answers, SSE streams event by event (with a pause between events), token
 * counting, batch results and errors, shaped as the API's. It keeps what it received, to check what the gateway sent.
 */
public final class StandInUpstream implements AutoCloseable {

    /** What one request carried when it arrived here. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    static final String USAGE = """
            {"input_tokens": 3, "cache_creation_input_tokens": 1200, "cache_read_input_tokens": 4000, "output_tokens": 50,
             "cache_creation": {"ephemeral_5m_input_tokens": 1200, "ephemeral_1h_input_tokens": 0}, "service_tier": "standard"}""";

    public final List<Received> received = new CopyOnWriteArrayList<>();
    /**
     * Off for benchmarks: the copy-on-write list copies itself on every add, and once it held about 100,000 calls
     * the benchmark's JVM ran at up to two cores in {@code handle} and collected every 0.7 s, slowing the direct
     * calls and the gateway's alike.
     */
    public volatile boolean keepReceived = true;
    /** Streams whose reader went away before their end (the write of an event failed). */
    public final List<String> brokenStreams = new CopyOnWriteArrayList<>();

    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;
    public volatile long pauseMillis = 150;
    /** How long model {@code claude-slow} takes to answer: longer than the gateway tests' response timeout. */
    static final long SLOW_MILLIS = 5_000;
    /** Model {@code claude-long-stream}: this many more deltas, so its stream lasts seconds. */
    static final int LONG_STREAM_EXTRA_EVENTS = 60;

    static {
        // the API's servers send each stream event at once; the JDK's server otherwise leaves Nagle's algorithm on,
        // which may hold a small write back until the previous one (the answer's head) is acknowledged
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public StandInUpstream() throws IOException {
        // a backlog for thousands of connections opened at once (the kernel caps it at net.core.somaxconn)
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (keepReceived) {
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
        }
        String request = new String(body, StandardCharsets.UTF_8);
        if (path.equals("/v1/messages/count_tokens")) {
            json(exchange, 200, "{\"input_tokens\": 42}");
        } else if (path.startsWith("/v1/messages/batches/") && path.endsWith("/results")) {
            batchResults(exchange);
        } else if (path.equals("/v1/messages") && request.contains("\"claude-overloaded\"")) {
            exchange.getResponseHeaders().add("retry-after", "7");
            json(
                    exchange,
                    529,
                    "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        } else if (path.equals("/v1/messages") && request.contains("\"claude-hang-up\"")) {
            throw new IOException("the stand-in hangs up without answering"); // the server drops the connection
        } else if (path.equals("/v1/messages") && request.contains("\"claude-slow\"")) {
            pause(SLOW_MILLIS);
            json(exchange, 200, message("msg_standin_" + ids.incrementAndGet(), "claude-sonnet-4-6"));
        } else if (path.equals("/v1/messages") && request.replace(" ", "").contains("\"stream\":true")) {
            stream(exchange, model(request));
        } else if (path.equals("/v1/messages")) {
            json(
                    exchange,
                    200,
                    message("msg_standin_" + ids.incrementAndGet(), model(request))
                            .replace("\"usage\":", diagnostics(request) + "\"usage\":"));
        } else {
            json(exchange, 404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"no\"}}");
        }
    }

    private static String model(String request) {
        int at = request.indexOf("\"model\"");
        int start = request.indexOf('"', request.indexOf(':', at) + 1) + 1;
        return request.substring(start, request.indexOf('"', start));
    }

    /** As the API does: a request naming a previous message gets a diagnosis (here always "the system changed"). */
    private static String diagnostics(String request) {
        return request.contains("\"previous_message_id\":\"msg_")
                ? "\"diagnostics\": {\"cache_miss_reason\": {\"type\": \"system_changed\", \"cache_missed_input_tokens\": 4100}}, "
                : "";
    }

    private static String message(String id, String model) {
        return """
                {"id": "%s", "type": "message", "role": "assistant", "model": "%s",
                 "content": [{"type": "text", "text": "Hello from the stand-in."}], "stop_reason": "end_turn",
                 "stop_sequence": null, "usage": %s}""".formatted(id, model, USAGE);
    }

    private void stream(HttpExchange exchange, String model) throws IOException {
        String id = "msg_standin_stream_" + ids.incrementAndGet();
        try {
            stream(exchange, model, id);
        } catch (IOException readerGone) {
            brokenStreams.add(id);
            throw readerGone;
        }
    }

    private void stream(HttpExchange exchange, String model, String id) throws IOException {
        exchange.getResponseHeaders().add("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().add("request-id", "req_standin");
        exchange.sendResponseHeaders(200, 0);
        String start = """
                {"type":"message_start","message":{"id":"%s","type":"message","role":"assistant","model":"%s","content":[],\
                "stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"cache_creation_input_tokens":1200,\
                "cache_read_input_tokens":4000,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":1200},\
                "output_tokens":1,"service_tier":"standard"}}}""".formatted(id, model);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, "message_start", start);
            event(
                    out,
                    "content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            event(out, "ping", "{\"type\": \"ping\"}");
            event(
                    out,
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello \"}}");
            event(
                    out,
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"again.\"}}");
            for (int i = 0; model.equals("claude-long-stream") && i < LONG_STREAM_EXTRA_EVENTS; i++) {
                event(
                        out,
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" more\"}}");
            }
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(
                    out,
                    "message_delta",
                    "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":50}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        }
    }

    private void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        pause(pauseMillis);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void batchResults(HttpExchange exchange) throws IOException {
        String results = "{\"custom_id\":\"a\",\"result\":{\"type\":\"succeeded\",\"message\":"
                + message("msg_batch_a", "claude-sonnet-4-6").replace("\n", "") + "}}\n"
                + "{\"custom_id\":\"b\",\"result\":{\"type\":\"errored\",\"error\":{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"x\"}}}}\n"
                + "{\"custom_id\":\"c\",\"result\":{\"type\":\"succeeded\",\"message\":"
                + message("msg_batch_c", "claude-sonnet-4-6").replace("\n", "") + "}}\n";
        exchange.getResponseHeaders().add("content-type", "application/binary");
        byte[] bytes = results.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.getResponseHeaders().add("request-id", "req_standin");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
