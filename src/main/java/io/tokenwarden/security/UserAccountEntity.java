package io.tokenwarden.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "app_user")
class UserAccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String passwordHash;
    private String role;
    private Instant createdAt;

    @jakarta.persistence.Column(insertable = false, updatable = false)
    private String source; // 'local' by the column's default; 'oidc' rows are written by OidcSignIn

    @jakarta.persistence.Column(insertable = false, updatable = false)
    private String[] teams;

    protected UserAccountEntity() {}

    UserAccountEntity(String username, String passwordHash, Role role) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.name();
        this.createdAt = Instant.now();
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return Role.valueOf(role);
    }

    String source() {
        return source;
    }

    java.util.List<String> teams() {
        return teams == null ? java.util.List.of() : java.util.List.of(teams);
    }
}
