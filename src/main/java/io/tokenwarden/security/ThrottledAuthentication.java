package io.tokenwarden.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Puts {@link LoginThrottle} in front of the password check, for form sign-ins and HTTP Basic alike. */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String account = request.getName();
        String address =
                request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        throttle.check(account, address);
        try {
            Authentication authenticated = delegate.authenticate(request);
            throttle.succeeded(account, address);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
