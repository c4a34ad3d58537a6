package io.tokenwarden.security;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People who sign in: the dashboard's form login and HTTP Basic for scripts both read from here. */
@Service
public class UserAccounts implements UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    UserAccounts(
            UserAccountRepository users,
            PasswordEncoder passwords,
            AuditLog audit,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional
    public void create(String username, String password, Role role, String actor) {
        if (users.findByUsername(username).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "A user named '" + username + "' exists already.");
        }
        users.save(new UserAccountEntity(username, passwords.encode(password), role));
        audit.record(actor, "user.create", username, null, Map.of("username", username, "role", role.name()));
    }

    record UserView(String username, String role, String source, java.util.List<String> teams) {}

    @Transactional(readOnly = true)
    java.util.List<UserView> list() {
        return users.findAll(org.springframework.data.domain.Sort.by("username")).stream()
                .map(u -> new UserView(u.username(), u.role().name(), u.source(), u.teams()))
                .toList();
    }

    /** A user's teams (from the provider's teams claim, or set by an admin); none for an unknown user. */
    @Transactional(readOnly = true)
    public java.util.List<String> teamsOf(String username) {
        return users.findByUsername(username).map(UserAccountEntity::teams).orElse(java.util.List.of());
    }

    /** Sets a user's teams (audited); an OIDC user's are replaced again at their next sign-in when a teams claim is set. */
    @Transactional
    public void setTeams(String username, java.util.List<String> teams, String actor) {
        java.util.List<String> before = teamsOf(username);
        int updated = jdbc.sql("UPDATE app_user SET teams = ? WHERE username = ?")
                .params(teams.toArray(String[]::new), username)
                .update();
        if (updated == 0) {
            throw ApiException.notFound("There is no user " + username + ".");
        }
        audit.record(actor, "user.teams", username, Map.of("teams", before), Map.of("teams", teams));
    }

    @Transactional(readOnly = true)
    boolean none() {
        return users.count() == 0;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccountEntity user =
                users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.role().name())
                .build();
    }
}
