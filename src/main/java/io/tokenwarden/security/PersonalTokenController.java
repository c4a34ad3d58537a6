package io.tokenwarden.security;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's API tokens: issue (the secret is in this answer only), list, revoke. ADMINs list and revoke anyone's. */
@RestController
class PersonalTokenController {

    private final PersonalTokens tokens;
    private final BoundedJson bodies;

    PersonalTokenController(PersonalTokens tokens, BoundedJson bodies) {
        this.tokens = tokens;
        this.bodies = bodies;
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    PersonalTokens.Issued issue(HttpServletRequest request, Authentication user) {
        List<FieldError> errors = new ArrayList<>();
        var body = JsonFields.object(bodies.read(request), "", errors);
        String name = body.map(f -> f.requiredString("name", 64, null, null)).orElse(null);
        BigDecimal days = body.map(f -> f.optionalDecimal("expires_in_days", BigDecimal.ONE, BigDecimal.valueOf(365)))
                .orElse(null);
        if (days != null && days.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError("expires_in_days", "must be a whole number of days, 1 to 365"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return tokens.issue(user.getName(), name, days == null ? 90 : days.intValue());
    }

    @GetMapping("/api/v1/tokens")
    List<PersonalTokens.TokenView> list(Authentication user) {
        return tokens.list(user.getName(), admin(user));
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Authentication user) {
        tokens.revoke(id, user.getName(), admin(user));
    }

    private static boolean admin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}
