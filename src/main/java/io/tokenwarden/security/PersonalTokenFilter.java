package io.tokenwarden.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer twp_...} on /api: the token's owner, with the owner's role. Other credentials (HTTP
 * Basic) pass on to the next filter; a token that is unknown, expired or revoked is a 401 at once.
 */
class PersonalTokenFilter extends OncePerRequestFilter {

    private final PersonalTokens tokens;

    PersonalTokenFilter(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null
                || !header.regionMatches(
                        true, 0, "Bearer " + PersonalTokens.PREFIX, 0, 7 + PersonalTokens.PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PersonalTokens.Bearer> bearer =
                tokens.authenticate(header.substring(7).trim());
        if (bearer.isEmpty()) {
            ProblemResponses.write(
                    response, HttpStatus.UNAUTHORIZED, "The personal API token is unknown, expired or revoked.");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                bearer.get().username(),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + bearer.get().role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
