package io.tokenwarden.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway benchmarks' clients: Messages API calls sent at a fixed rate from keep-alive connections, to the
 * stand-in directly or through a gateway, each timed from its write to its whole answer and traced.
 */
final class PacedCalls {

    static final String BODY = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"system\":\"You are terse.\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say ok.\"}]}";
    private static final long EPOCH = System.nanoTime();
    /** The wall clock at {@link #EPOCH}, so that a traced call can be found in the app's log and JFR recording. */
    private static final long EPOCH_WALL_MICROS = System.currentTimeMillis() * 1000;

    /** Each timed call as a CSV line: path, port, wall-clock micros when sent, latency micros. */
    private static final List<String> TRACE = Collections.synchronizedList(new ArrayList<>());

    /** Forgets the calls timed so far (the warm-up's). */
    static void clearTrace() {
        TRACE.clear();
    }

    /** Each call timed since the last {@link #clearTrace()} to target/gateway-latencies.csv, to find what slow ones share. */
    static void writeTrace() throws IOException {
        List<String> lines = new ArrayList<>(List.of("path,port,sent_epoch_micros,latency_micros"));
        lines.addAll(TRACE);
        Files.write(Path.of("target", "gateway-latencies.csv"), lines);
    }

    /** Where a request goes: direct to the stand-in, or through the gateway with its headers. */
    record Target(URI base, String path, String headers) {

        /** The stand-in itself, at its Messages API path. */
        static Target direct(String upstreamUrl) {
            return new Target(URI.create(upstreamUrl), "/v1/messages", "");
        }

        /** The app's gateway, with an app key and a use case. */
        static Target gateway(AppProcess app, String key) {
            return new Target(
                    app.uri(""),
                    "/anthropic/v1/messages",
                    "X-Tokenwarden-Key: " + key + "\r\nX-Tokenwarden-Use-Case: bench\r\n");
        }

        byte[] request(String body) {
            return request(body, "");
        }

        byte[] request(String body, String extraHeaders) {
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            return ("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                            + "x-api-key: sk-ant-bench\r\nanthropic-version: 2023-06-01\r\ncontent-type: application/json\r\n"
                            + headers + extraHeaders + "Content-Length: " + json.length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code rate} requests a second for {@code seconds}, each of 32 keep-alive connections sending on its own fixed
     * schedule; returns each request's latency (write to whole answer read).
     */
    static List<Long> paced(Target target, int rate, int seconds) throws Exception {
        int connections = 32;
        long period = 1_000_000_000L * connections / rate;
        long start = System.nanoTime() + 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        byte[] request = target.request(BODY);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                long offset = period * c / connections;
                threads.submit(() -> {
                    try (Socket socket = open(target)) {
                        OutputStream out = socket.getOutputStream();
                        InputStream in = socket.getInputStream();
                        for (long next = start + offset; next < end; next += period) {
                            // parked, not spinning: 32 spinning clients took CPU from the app they measure
                            for (long wait; (wait = next - System.nanoTime()) > 0; ) {
                                LockSupport.parkNanos(wait);
                            }
                            long sent = System.nanoTime();
                            out.write(request);
                            if (Answers.read(in) != 200) {
                                failures.incrementAndGet();
                            }
                            long latency = System.nanoTime() - sent;
                            latencies.add(latency);
                            TRACE.add(target.path() + "," + target.base().getPort() + ","
                                    + (EPOCH_WALL_MICROS + (sent - EPOCH) / 1000) + "," + latency / 1000);
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        if (failures.get() > 0) {
            System.out.println("paced run to " + target.path() + ": " + failures.get() + " failures");
        }
        return latencies;
    }

    /** A connection with Nagle's algorithm off, so that no small write of the client's waits for an acknowledgement. */
    static Socket open(Target target) throws IOException {
        Socket socket = new Socket(target.base().getHost(), target.base().getPort());
        socket.setTcpNoDelay(true);
        return socket;
    }

    static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty()
                ? Double.NaN
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    /** Just enough HTTP/1.1 to read an answer off a keep-alive socket: status, headers, a sized or chunked body. */
    static final class Answers {

        static int read(InputStream in) throws IOException {
            Head head = head(in);
            skipBody(in, head);
            return head.status();
        }

        /** Reads a whole answer; returns System.nanoTime() when its first body byte arrived (needs mark/reset). */
        static long firstBodyByte(InputStream in) throws IOException {
            Head head = head(in);
            in.mark(1);
            in.read();
            long first = System.nanoTime();
            in.reset();
            skipBody(in, head);
            return first;
        }

        /** Reads the head and waits for the first body byte; returns System.nanoTime() when it arrived. */
        static long untilBody(InputStream in) throws IOException {
            head(in);
            in.read();
            return System.nanoTime();
        }

        private record Head(int status, long length, boolean chunked) {}

        private static Head head(InputStream in) throws IOException {
            int status = Integer.parseInt(line(in).split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Head(status, length, chunked);
        }

        private static void skipBody(InputStream in, Head head) throws IOException {
            if (head.chunked()) {
                for (long size = Long.parseLong(line(in).trim(), 16);
                        size > 0;
                        size = Long.parseLong(line(in).trim(), 16)) {
                    in.readNBytes((int) size);
                    line(in);
                }
                line(in);
            } else if (head.length() > 0) {
                in.readNBytes((int) head.length());
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
