package io.tokenwarden.gateway;

import io.tokenwarden.web.AnthropicErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

    GatewayServlet(Upstream upstream, GatewayRecorder recorder, GatewayPolicy policy) {
        this.upstream = upstream;
        this.recorder = recorder;
        this.policy = policy;
    }

    /** Every method on /anthropic/*: a plain servlet, so a call skips MVC's handler look-up, adapters and interceptors. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        if (!path.startsWith("/v1/")) {
            AnthropicErrors.write(response, 404, "not_found_error", "Tokenwarden: the gateway serves /anthropic/v1/... only.");
            return;
        }
        CallKind kind = CallKind.of(request.getMethod(), path);
        byte[] body = request.getInputStream().readNBytes(MAX_REQUEST + 1);
        if (body.length > MAX_REQUEST) {
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
        HttpResponse<InputStream> answer;
        try {
            answer = upstream.send(request, path, decision.body());
        } catch (HttpTimeoutException e) {
            AnthropicErrors.write(response, 504, "api_error", "Tokenwarden: the upstream did not answer in time.");
            return;
        } catch (IOException e) {
            log.warn("Gateway: upstream unreachable for {} {}: {}", request.getMethod(), path, e.getClass().getSimpleName());
            AnthropicErrors.write(response, 502, "api_error", "Tokenwarden: the upstream could not be reached.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            AnthropicErrors.write(response, 503, "overloaded_error", "Tokenwarden: the gateway is shutting down.");
            return;
        }
        UsageTap tap = kind.tap(answer);
        boolean delivered = relay(answer, response, tap);
        if (kind == CallKind.MESSAGE) {
            policy.answered(decision, answer.statusCode(), decision.diagnostics() ? firstId(tap) : null);
        }
        if (tap != UsageTap.NONE) {
            recorder.record(new GatewayCall(SecurityContextHolder.getContext().getAuthentication().getPrincipal(),
                    tags, body, kind == CallKind.BATCH_RESULTS, delivered, tap, decision.tags()));
        }
    }

    private static String firstId(UsageTap tap) {
        return tap.messages().stream().map(m -> m.path("id").asString(null)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** Status, headers and body, flushed as they arrive; false when the app went away before the end. */
    private static boolean relay(HttpResponse<InputStream> answer, HttpServletResponse response, UsageTap tap)
            throws IOException {
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (Upstream.relayed(name)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        answer.headers().firstValueAsLong("content-length").ifPresent(response::setContentLengthLong);
        boolean stream = answer.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = answer.body()) {
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
                    return false; // closing the upstream body ends the upstream call too
                }
            }
            out.flush();
        }
        return true;
    }

    /** What a call is, for recording: a message (streamed or not), batch results, or anything else. */
    enum CallKind {
        MESSAGE, BATCH_RESULTS, OTHER;

        static CallKind of(String method, String path) {
            if ("POST".equals(method) && path.equals("/v1/messages")) {
                return MESSAGE;
            }
            if ("GET".equals(method) && path.startsWith("/v1/messages/batches/") && path.endsWith("/results")) {
                return BATCH_RESULTS;
            }
            return OTHER;
        }

        UsageTap tap(HttpResponse<InputStream> answer) {
            if (answer.statusCode() / 100 != 2 || this == OTHER) {
                return UsageTap.NONE; // a call the upstream refused records nothing
            }
            String encoding = answer.headers().firstValue("content-encoding").orElse(null);
            if (this == BATCH_RESULTS) {
                return new BatchResultsTap(encoding);
            }
            boolean stream = answer.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
            return stream && encoding == null ? new SseMessageTap() : stream ? new BufferedSseTap(encoding)
                    : new JsonMessageTap(encoding);
        }
    }

    /**
     * What the recorder needs of one call: the request as the app sent it (its evidence is the same in both arms
     * of a pilot) and the tags the policies gave it. The principal is an app, or a key not yet checked (database down).
     */
    record GatewayCall(Object principal, Map<String, String> headers, byte[] requestBody, boolean batch,
                       boolean delivered, UsageTap tap, Map<String, String> policyTags) {

        List<tools.jackson.databind.JsonNode> messages() {
            return tap.messages();
        }
    }
}
