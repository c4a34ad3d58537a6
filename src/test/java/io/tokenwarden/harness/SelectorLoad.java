package io.tokenwarden.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * K keep-alive connections, each with one request in flight, all driven by one thread over a
 * selector (as wrk does). 32 blocking client threads took the CPU the server needed: on these two
 * cores they held the liveness probe to about 7,000 requests/s where wrk gets 20,000. A request that
 * is not answered 200 is sent again, same bytes, so every number is acknowledged exactly once.
 */
final class SelectorLoad {

    /** @param micros latency of every 200 answer, sorted */
    record Figures(long acknowledged, long[] micros, Map<Integer, Long> failures, double seconds) {

        double perSecond() {
            return acknowledged / seconds;
        }

        double millis(int percentile) {
            return micros.length == 0
                    ? 0
                    : micros[Math.min(micros.length - 1, micros.length * percentile / 100)] / 1000.0;
        }

        long failed(int fromStatus, int toStatus) {
            return failures.entrySet().stream()
                    .filter(e -> e.getKey() >= fromStatus && e.getKey() <= toStatus)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final long MAX_FAILURES = 100_000;

    private final InetSocketAddress server;
    private final LongFunction<byte[]> requests;
    private final long[] micros;
    private final Map<Integer, Long> failures = new TreeMap<>();
    private long next;
    private long answered;
    private long failed;

    /** @param requests the whole HTTP request for number n (0, 1, 2 ...) */
    private SelectorLoad(InetSocketAddress server, LongFunction<byte[]> requests, int maxAnswers) {
        this.server = server;
        this.requests = requests;
        this.micros = new long[maxAnswers];
    }

    /** Sends requests 0 to count-1 (or as many as fit in {@code limit}) over {@code connections} connections. */
    static Figures run(
            InetSocketAddress server, int connections, long count, Duration limit, LongFunction<byte[]> requests)
            throws IOException {
        SelectorLoad load = new SelectorLoad(server, requests, (int) Math.min(count, 20_000_000));
        return load.drive(connections, count, System.nanoTime() + limit.toNanos());
    }

    private Figures drive(int connections, long count, long deadline) throws IOException {
        long started = System.nanoTime();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections && next < count; i++) {
                open(selector, new Exchange(next++));
            }
            while (!selector.keys().isEmpty() && System.nanoTime() < deadline) {
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(selector, key, count, deadline);
                }
                selector.selectedKeys().clear();
            }
            selector.keys().forEach(key -> close(key.channel()));
        }
        long[] sorted = Arrays.copyOf(micros, (int) Math.min(answered, micros.length));
        Arrays.sort(sorted);
        return new Figures(answered, sorted, failures, (System.nanoTime() - started) / 1e9);
    }

    private void open(Selector selector, Exchange exchange) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(server);
        channel.configureBlocking(false);
        exchange.send(requests.apply(exchange.number));
        channel.register(selector, SelectionKey.OP_WRITE, exchange);
    }

    private void handle(Selector selector, SelectionKey key, long count, long deadline) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Exchange exchange = (Exchange) key.attachment();
        try {
            if (key.isWritable()) {
                channel.write(exchange.out);
                key.interestOps(exchange.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                return;
            }
            int status = exchange.read(channel);
            if (status == 0) {
                return;
            }
            if (status == 200) {
                record(exchange);
                if (next >= count || System.nanoTime() >= deadline) {
                    key.cancel();
                    channel.close();
                    return;
                }
                exchange.number = next++;
            } else {
                fail(status);
            }
            if (exchange.closing) {
                // The server ends the connection after this answer (its keep-alive limit): a new one, no failure.
                reopen(selector, key, exchange);
                return;
            }
            exchange.send(requests.apply(exchange.number));
            key.interestOps(SelectionKey.OP_WRITE);
        } catch (IOException e) {
            // A dropped connection: the same request again on a new one.
            fail(0);
            reopen(selector, key, exchange);
        }
    }

    private void reopen(Selector selector, SelectionKey key, Exchange exchange) throws IOException {
        key.cancel();
        close(key.channel());
        open(selector, exchange);
    }

    private void record(Exchange exchange) {
        if (answered < micros.length) {
            micros[(int) answered] = (System.nanoTime() - exchange.sentAt) / 1000;
        }
        answered++;
    }

    private void fail(int status) {
        failures.merge(status, 1L, Long::sum);
        if (++failed > MAX_FAILURES) {
            throw new IllegalStateException("more than " + MAX_FAILURES + " failed requests: " + failures);
        }
    }

    private static void close(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing at the end of a run: nothing left to do
        }
    }

    /** One connection's request in flight and the answer read so far. */
    private static final class Exchange {
        long number;
        long sentAt;
        boolean closing;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);

        Exchange(long number) {
            this.number = number;
        }

        void send(byte[] request) {
            out = ByteBuffer.wrap(request);
            in.clear();
            sentAt = System.nanoTime();
        }

        /** The status once the whole answer is in, 0 while it is not. */
        int read(SocketChannel channel) throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the server");
            }
            byte[] bytes = in.array();
            int headEnd = indexOf(bytes, in.position(), HEAD_END);
            if (headEnd < 0) {
                return 0;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            closing = head.contains("\r\nconnection: close");
            int length = contentLength(head);
            boolean complete = length >= 0
                    ? in.position() >= headEnd + 4 + length
                    : head.contains("transfer-encoding: chunked") && endsWithLastChunk(bytes, in.position());
            return complete ? Integer.parseInt(head.substring(9, 12)) : 0;
        }

        private static int contentLength(String head) {
            int at = head.indexOf("\r\ncontent-length:");
            if (at < 0) {
                return -1;
            }
            int end = head.indexOf('\r', at + 2);
            return Integer.parseInt(
                    head.substring(at + 17, end < 0 ? head.length() : end).trim());
        }

        private static boolean endsWithLastChunk(byte[] bytes, int length) {
            return length >= LAST_CHUNK.length
                    && Arrays.equals(bytes, length - LAST_CHUNK.length, length, LAST_CHUNK, 0, LAST_CHUNK.length);
        }

        private static int indexOf(byte[] bytes, int length, byte[] needle) {
            for (int i = 0; i + needle.length <= length; i++) {
                if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
