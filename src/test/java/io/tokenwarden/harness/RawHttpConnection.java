package io.tokenwarden.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that posts and reads whole answers, for load generation only.
 * The JDK's HttpClient load generator used 56% of a core at 831 single-event requests/s on this
 * machine (about 0.7 ms of CPU per request, derived), taken from the two cores the server runs on.
 */
final class RawHttpConnection implements Closeable {

    record Answer(int status, Map<String, String> headers, String body) {}

    private final URI base;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpConnection(URI base, Duration connectTimeout, Duration readTimeout) {
        this.base = base;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Posts a JSON body; on any I/O failure the connection is closed, and the next call opens a new one. */
    Answer post(String path, String authorization, String json) throws IOException {
        return exchange(postRequest(base, path, authorization, json));
    }

    Answer get(String path) throws IOException {
        return exchange(getRequest(base, path));
    }

    /**
     * The whole request as bytes, head and body together, so that it leaves in one write and the server
     * reads it in one wake-up (also what {@link SelectorLoad} sends).
     */
    static byte[] postRequest(URI base, String path, String authorization, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAuthorization: " + authorization
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    static byte[] getRequest(URI base, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private Answer exchange(byte[] request) throws IOException {
        try {
            connect();
            out.write(request);
            Answer answer = read();
            if ("close".equalsIgnoreCase(answer.headers().get("connection"))) {
                close();
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
        }
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.setSoTimeout((int) readTimeout.toMillis());
        opened.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) connectTimeout.toMillis());
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 64 * 1024);
        out = opened.getOutputStream();
    }

    private Answer read() throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                ? chunked()
                : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Answer(Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailers: none expected, read past them
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt(
                extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
