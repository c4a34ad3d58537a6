package io.tokenwarden.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenwarden.oidc.*} (env {@code TOKENWARDEN_OIDC_ISSUER_URI}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET},
 * {@code _ROLES_CLAIM}, {@code _ADMIN_VALUES}, {@code _FINANCE_VALUES}, {@code _ENGINEER_VALUES}, {@code _TEAMS_CLAIM},
 * {@code _NAME}): sign-in with an OpenID Connect provider. A user's role is the first of ADMIN, FINANCE, ENGINEER
 * whose values one of the roles claim's values is; with none, sign-in is refused.
 */
@ConfigurationProperties("tokenwarden.oidc")
record OidcProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        String rolesClaim,
        List<String> adminValues,
        List<String> financeValues,
        List<String> engineerValues,
        String teamsClaim,
        String name) {

    OidcProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "groups" : rolesClaim;
        adminValues = adminValues == null ? List.of() : adminValues;
        financeValues = financeValues == null ? List.of() : financeValues;
        engineerValues = engineerValues == null ? List.of() : engineerValues;
        name = name == null || name.isBlank() ? "single sign-on" : name;
    }

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
