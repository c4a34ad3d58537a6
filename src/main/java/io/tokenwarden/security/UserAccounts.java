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

    UserAccounts(UserAccountRepository users, PasswordEncoder passwords, AuditLog audit) {
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

    record UserView(String username, String role, String source, java.util.List<String> teams) {
    }

    @Transactional(readOnly = true)
    java.util.List<UserView> list() {
        return users.findAll(org.springframework.data.domain.Sort.by("username")).stream()
                .map(u -> new UserView(u.username(), u.role().name(), u.source(), u.teams())).toList();
    }

    @Transactional(readOnly = true)
    boolean none() {
        return users.count() == 0;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccountEntity user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.username()).password(user.passwordHash()).roles(user.role().name()).build();
    }
}
