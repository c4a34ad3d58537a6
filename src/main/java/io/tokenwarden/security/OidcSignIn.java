package io.tokenwarden.security;

import io.tokenwarden.audit.AuditLog;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sign-in through the OpenID Connect provider: the role from the roles claim (re-read every time), the teams from
 * the teams claim, the user created at the first sign-in and updated at each next one, audited when the role or
 * teams change. A local user of the same name is never taken over: that sign-in is refused.
 */
class OidcSignIn extends OidcUserService {

    private final OidcProperties properties;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    OidcSignIn(
            OidcProperties properties,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        List<String> values = strings(user.getClaims().get(properties.rolesClaim()));
        Role role = role(values)
                .orElseThrow(() -> refuse("None of your " + properties.rolesClaim() + " (" + values
                        + ") gives a Tokenwarden role: ask an administrator to map one."));
        List<String> teams = properties.teamsClaim() == null
                ? List.of()
                : strings(user.getClaims().get(properties.teamsClaim()));
        String username = Optional.ofNullable(user.getPreferredUsername())
                .or(() -> Optional.ofNullable(user.getEmail()))
                .orElse(user.getSubject());
        transactions.executeWithoutResult(tx -> save(username, role, teams));
        String nameKey = user.getClaims().containsKey("preferred_username")
                ? "preferred_username"
                : user.getClaims().containsKey("email") ? "email" : "sub";
        return new DefaultOidcUser(
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())),
                user.getIdToken(),
                user.getUserInfo(),
                nameKey);
    }

    private void save(String username, Role role, List<String> teams) {
        Optional<Map<String, Object>> before = jdbc
                .sql("SELECT source, role, teams::text AS teams FROM app_user WHERE username = ?")
                .param(username)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        if (before.isPresent() && "local".equals(before.get().get("source"))) {
            throw refuse("A local user named " + username + " exists: single sign-on does not take it over.");
        }
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role, source, teams, last_sign_in_at)
                        VALUES (:username, :hash, :role, 'oidc', :teams, :now)
                        ON CONFLICT (username) DO UPDATE SET role = excluded.role, teams = excluded.teams,
                            last_sign_in_at = excluded.last_sign_in_at""")
                .param("username", username)
                .param("hash", passwords.encode(UUID.randomUUID() + "" + UUID.randomUUID()))
                .param("role", role.name())
                .param("teams", teams.toArray(String[]::new))
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
        Map<String, Object> after = Map.of("role", role.name(), "teams", teams);
        if (before.isEmpty()) {
            audit.record(
                    username,
                    "user.create",
                    username,
                    null,
                    Map.of("source", "oidc", "role", role.name(), "teams", teams));
        } else if (!role.name().equals(before.get().get("role"))
                || !String.valueOf(before.get().get("teams")).equals("{" + String.join(",", teams) + "}")) {
            audit.record(
                    username,
                    "user.oidc_claims",
                    username,
                    Map.of(
                            "role",
                            before.get().get("role"),
                            "teams",
                            before.get().get("teams")),
                    after);
        }
    }

    Optional<Role> role(Collection<String> values) {
        if (values.stream().anyMatch(properties.adminValues()::contains)) {
            return Optional.of(Role.ADMIN);
        }
        if (values.stream().anyMatch(properties.financeValues()::contains)) {
            return Optional.of(Role.FINANCE);
        }
        return values.stream().anyMatch(properties.engineerValues()::contains)
                ? Optional.of(Role.ENGINEER)
                : Optional.empty();
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    private static OAuth2AuthenticationException refuse(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
