package io.tokenwarden.security;

import java.util.function.Predicate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** A way of signing in with a password that an admin may have turned off (for some user names, or all). */
final class GatedAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Predicate<String> allowed;
    private final String what;

    GatedAuthentication(AuthenticationProvider delegate, Predicate<String> allowed, String what) {
        this.delegate = delegate;
        this.allowed = allowed;
        this.what = what;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!allowed.test(request.getName())) {
            throw new DisabledException(what + " is turned off by an administrator.");
        }
        return delegate.authenticate(request);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
