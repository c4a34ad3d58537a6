package io.tokenwarden.security;

import io.tokenwarden.web.AnthropicErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gateway's caller is the app of {@code X-Tokenwarden-Key}; {@code Authorization} and {@code x-api-key} belong
 * to the upstream there and are never read. Refusals are in Anthropic's error shape, which the SDKs understand.
 * Fail-open: when PostgreSQL cannot be asked, a well-formed key is let through unchecked and its usage waits in
 * the spool until the key can be verified; an app's call never fails because Tokenwarden's database is down.
 */
class GatewayKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Tokenwarden-Key";

    /** After the database failed a lookup, keys go unchecked for this long instead of each waiting for a timeout. */
    private static final long OUTAGE_NANOS = 2_000_000_000L;

    private final AppKeys appKeys;
    private volatile long databaseRetryAt = System.nanoTime();

    GatewayKeyFilter(AppKeys appKeys) {
        this.appKeys = appKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            AnthropicErrors.write(
                    response,
                    401,
                    "authentication_error",
                    "Tokenwarden: send your app key in the X-Tokenwarden-Key header.");
            return;
        }
        Object principal;
        try {
            if (System.nanoTime() - databaseRetryAt < 0) {
                throw new org.springframework.dao.DataAccessResourceFailureException("the database failed moments ago");
            }
            Optional<AppPrincipal> app = appKeys.authenticate(presented.trim());
            if (app.isEmpty()) {
                AnthropicErrors.write(
                        response,
                        401,
                        "authentication_error",
                        "Tokenwarden: the key in X-Tokenwarden-Key is unknown or revoked.");
                return;
            }
            principal = app.get();
        } catch (DataAccessException e) {
            if (System.nanoTime() - databaseRetryAt >= 0) {
                databaseRetryAt = System.nanoTime() + OUTAGE_NANOS;
            }
            Optional<PresentedKey> unchecked = PresentedKey.of(presented.trim());
            if (unchecked.isEmpty()) {
                AnthropicErrors.write(
                        response,
                        401,
                        "authentication_error",
                        "Tokenwarden: the key in X-Tokenwarden-Key is not an app key.");
                return;
            }
            principal = unchecked.get();
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, List.of(new SimpleGrantedAuthority("ROLE_APP"))));
        chain.doFilter(request, response);
    }
}
