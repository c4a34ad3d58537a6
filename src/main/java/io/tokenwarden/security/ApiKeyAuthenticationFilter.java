package io.tokenwarden.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates apps by {@code Authorization: Bearer <key>} or {@code X-Api-Key}. The key is never logged. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final AppKeys appKeys;
    private final RateLimiter rateLimiter;

    ApiKeyAuthenticationFilter(AppKeys appKeys, RateLimiter rateLimiter) {
        this.appKeys = appKeys;
        this.rateLimiter = rateLimiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            ProblemResponses.write(
                    response, HttpStatus.UNAUTHORIZED, "Send an app key as 'Authorization: Bearer <key>'.");
            return;
        }
        Optional<AppPrincipal> app;
        try {
            app = appKeys.authenticate(presented);
        } catch (DataAccessException e) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; retry.");
            return;
        }
        if (app.isEmpty()) {
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "The app key is unknown or revoked.");
            return;
        }
        java.util.OptionalLong wait = rateLimiter.tryAcquire(app.get().keyId());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            ProblemResponses.write(
                    response, HttpStatus.TOO_MANY_REQUESTS, "This app key is over its request rate; retry later.");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                app.get(), null, List.of(new SimpleGrantedAuthority("ROLE_APP")));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = request.getHeader("X-Api-Key");
        return apiKey == null ? null : apiKey.trim();
    }
}
