package io.tokenwarden.gateway;

import io.tokenwarden.web.AnthropicErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code /anthropic/v1/...}: an Anthropic-compatible base URL. The call goes upstream as the app made it, the answer
 * comes back as the upstream gave it (streams event by event, as they arrive), and only then is its usage handed
 * to the recorder, off the app's path.
 */
@SuppressWarnings("serial") // HttpServlet is Serializable for session-replicating containers; this one is never stored
class GatewayServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(GatewayServlet.class);
    static final String PREFIX = "/anthropic";
    private static final int MAX_REQUEST = 32 * 1024 * 1024;

    private final Upstream upstream;
    private final GatewayRecorder recorder;
    private final GatewayPolicy policy;
    private final CallCounter calls;

    GatewayServlet(Upstream upstream, GatewayRecorder recorder, GatewayPolicy policy, CallCounter calls) {
        this.upstream = upstream;
        this.recorder = recorder;
        this.policy = policy;
        this.calls = calls;
    }

    /** Every method on /anthropic/*: a plain servlet, so a call skips MVC's handler look-up, adapters and interceptors. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            handle(request, response);
        } finally {
            calls.count(response.getStatus());
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        if (!path.startsWith("/v1/")) {
            AnthropicErrors.write(
                    response, 404, "not_found_error", "Tokenwarden: the gateway serves /anthropic/v1/... only.");
            return;
        }
        CallKind kind = CallKind.of(request.getMethod(), path);
        byte[] body = body(request);
        if (body == null) {
            AnthropicErrors.write(response, 413, "request_too_large", "Tokenwarden: the request is over 32 MiB.");
            return;
        }
        Map<String, String> tags = GatewayHeaders.read(request);
        String problem = kind == CallKind.MESSAGE ? GatewayHeaders.problem(tags) : null;
        if (problem != null) {
            AnthropicErrors.write(response, 400, "invalid_request_error", "Tokenwarden: " + problem);
            return;
        }
        PolicyDecision decision = kind == CallKind.MESSAGE ? policy.decide(tags, body) : PolicyDecision.unchanged(body);
        if (decision.blocked() != null) {
            AnthropicErrors.write(response, 402, "billing_error", decision.blocked()); // not retried by the SDKs
            return;
        }
        UsageTap tap;
        boolean delivered;
        try (Upstream.Answer answer = send(request, response, path, decision.body())) {
            if (answer == null) {
                return;
            }
            tap = kind.tap(answer);
            delivered = relay(answer, response, tap);
            if (kind == CallKind.MESSAGE) {
                policy.answered(decision, answer.statusCode(), decision.diagnostics() ? firstId(tap) : null);
            }
        }
        if (tap != UsageTap.NONE) {
            recorder.record(new GatewayCall(
                    SecurityContextHolder.getContext().getAuthentication().getPrincipal(),
                    tags,
                    body,
                    kind == CallKind.BATCH_RESULTS,
                    delivered,
                    tap,
                    decision.tags()));
        }
    }

    /** The request's bytes, read into one array of their declared length where they have one; null when over 32 MiB. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        InputStream in = request.getInputStream();
        byte[] body =
                declared < 0 || declared > MAX_REQUEST ? in.readNBytes(MAX_REQUEST + 1) : in.readNBytes((int) declared);
        return body.length > MAX_REQUEST ? null : body;
    }

    /** The upstream's answer, or null when it gave none and the app got an Anthropic-shaped error instead. */
    private Upstream.Answer send(HttpServletRequest request, HttpServletResponse response, String path, byte[] body)
            throws IOException {
        try {
            return upstream.send(request, path, body);
        } catch (SocketTimeoutException e) {
            AnthropicErrors.write(response, 504, "api_error", "Tokenwarden: the upstream did not answer in time.");
        } catch (IOException e) {
            log.warn(
                    "Gateway: upstream unreachable for {} {}: {}",
                    request.getMethod(),
                    path,
                    e.getClass().getSimpleName());
            AnthropicErrors.write(response, 502, "api_error", "Tokenwarden: the upstream could not be reached.");
        }
        return null;
    }

    private static String firstId(UsageTap tap) {
        return tap.messages().stream()
                .map(m -> m.path("id").asString(null))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Status, headers and body, flushed as they arrive; false when the app went away before the end. */
    private static boolean relay(Upstream.Answer answer, HttpServletResponse response, UsageTap tap)
            throws IOException {
        response.setStatus(answer.statusCode());
        answer.headers().forEach((name, values) -> {
            if (Upstream.relayed(name)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        answer.header("content-length").map(Long::parseLong).ifPresent(response::setContentLengthLong);
        boolean stream = answer.header("content-type").orElse("").startsWith("text/event-stream");
        // a JSON answer is read in one go into a buffer of its size; 16 KiB at most (streams, large answers)
        byte[] buffer = new byte
                [(int) Math.min(
                        16 * 1024,
                        answer.header("content-length")
                                .map(Long::parseLong)
                                .filter(length -> length > 0)
                                .orElse(16L * 1024))];
        InputStream in = answer.body(); // closed with the answer: read to its end, or aborted
        var out = response.getOutputStream();
        int read;
        while ((read = in.read(buffer)) != -1) {
            tap.accept(buffer, 0, read);
            try {
                out.write(buffer, 0, read);
                if (stream) {
                    out.flush();
                }
            } catch (IOException clientGone) {
                answer.abort(); // not read to its end: a stream could run for minutes more
                return false;
            }
        }
        out.flush();
        return true;
    }

    /** What a call is, for recording: a message (streamed or not), batch results, or anything else. */
    enum CallKind {
        MESSAGE,
        BATCH_RESULTS,
        OTHER;

        static CallKind of(String method, String path) {
            if ("POST".equals(method) && path.equals("/v1/messages")) {
                return MESSAGE;
            }
            if ("GET".equals(method) && path.startsWith("/v1/messages/batches/") && path.endsWith("/results")) {
                return BATCH_RESULTS;
            }
            return OTHER;
        }

        UsageTap tap(Upstream.Answer answer) {
            if (answer.statusCode() / 100 != 2 || this == OTHER) {
                return UsageTap.NONE; // a call the upstream refused records nothing
            }
            String encoding = answer.header("content-encoding").orElse(null);
            if (this == BATCH_RESULTS) {
                return new BatchResultsTap(encoding);
            }
            boolean stream = answer.header("content-type").orElse("").startsWith("text/event-stream");
            return stream && encoding == null
                    ? new SseMessageTap()
                    : stream ? new BufferedSseTap(encoding) : new JsonMessageTap(encoding);
        }
    }

    /**
     * What the recorder needs of one call: the request as the app sent it (its evidence is the same in both arms
     * of a pilot) and the tags the policies gave it. The principal is an app, or a key not yet checked (database down).
     */
    record GatewayCall(
            Object principal,
            Map<String, String> headers,
            byte[] requestBody,
            boolean batch,
            boolean delivered,
            UsageTap tap,
            Map<String, String> policyTags) {

        List<tools.jackson.databind.JsonNode> messages() {
            return tap.messages();
        }
    }
}
