package io.tokenwarden.security;

import io.tokenwarden.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401/403 for API callers as problem JSON, never a login redirect. */
final class ProblemResponses {

    private ProblemResponses() {}

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.json(status, detail));
    }

    static AuthenticationEntryPoint unauthorized(String detail, boolean basicChallenge) {
        return (request, response, e) -> {
            if (basicChallenge) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"tokenwarden\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, detail);
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Your role may not use this endpoint.");
    }
}
