package io.tokenwarden.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors the gateway itself answers, in the Messages API's shape, so an SDK reads them as it reads Anthropic's:
 * {@code {"type": "error", "error": {"type": "...", "message": "..."}}}.
 */
public final class AnthropicErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnthropicErrors() {}

    public static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.getOutputStream().flush();
    }
}
