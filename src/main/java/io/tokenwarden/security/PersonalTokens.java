package io.tokenwarden.security;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts: {@code twp_<id>_<secret>}, shown once; only a SHA-256 of the 32-byte random secret
 * is kept (a high-entropy secret needs no slow hash). A token acts as its owner with the owner's current role, until
 * it expires or is revoked; every use is audited.
 */
@Component
class PersonalTokens {

    static final String PREFIX = "twp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PersonalTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    record Issued(long id, String name, String token, Instant expiresAt) {}

    record TokenView(
            long id,
            String username,
            String name,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {}

    /** The owner and role of a presented token that is known, unexpired and unrevoked. */
    record Bearer(String username, Role role, long tokenId) {}

    @Transactional
    Issued issue(String username, String name, int days) {
        String lookup = HexFormat.of().formatHex(random(9));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        Instant expires = clock.instant().plus(Duration.ofDays(days));
        long id = jdbc.sql("""
                        INSERT INTO api_token (username, name, lookup, secret_hash, expires_at)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(username, name, lookup, sha256(secret), Timestamp.from(expires))
                .query(Long.class)
                .single();
        audit.record(
                username, "token.create", "token " + id, null, Map.of("name", name, "expires_at", expires.toString()));
        return new Issued(id, name, PREFIX + lookup + "_" + secret, expires);
    }

    List<TokenView> list(String username, boolean everyone) {
        return jdbc.sql("""
                        SELECT id, username, name, created_at, expires_at, revoked_at, last_used_at FROM api_token
                        WHERE (? OR username = ?) ORDER BY id""")
                .params(everyone, username)
                .query((rs, n) -> new TokenView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .list();
    }

    /** Revokes a token of {@code username} (an ADMIN may revoke anyone's). */
    @Transactional
    void revoke(long id, String username, boolean admin) {
        int revoked = jdbc.sql("""
                        UPDATE api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL AND (? OR username = ?)""").params(id, admin, username).update();
        if (revoked == 0) {
            throw new ApiException(HttpStatus.NOT_FOUND, "There is no active token " + id + " of yours.");
        }
        audit.record(username, "token.revoke", "token " + id, null, null);
    }

    /** Checks a presented token; each accepted use is audited and dated. */
    @Transactional
    Optional<Bearer> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.indexOf('_', PREFIX.length()) < 0) {
            return Optional.empty();
        }
        int bar = presented.indexOf('_', PREFIX.length());
        String lookup = presented.substring(PREFIX.length(), bar);
        byte[] offered = sha256(presented.substring(bar + 1)).getBytes(StandardCharsets.US_ASCII);
        Optional<Bearer> bearer = jdbc
                .sql("""
                        SELECT t.id, t.username, u.role, t.secret_hash FROM api_token t JOIN app_user u ON u.username = t.username
                        WHERE t.lookup = ? AND t.revoked_at IS NULL AND t.expires_at > ?""")
                .params(lookup, Timestamp.from(clock.instant()))
                .query((rs, n) -> Map.entry(
                        new Bearer(rs.getString(2), Role.valueOf(rs.getString(3)), rs.getLong(1)), rs.getString(4)))
                .list()
                .stream()
                .filter(row -> MessageDigest.isEqual(offered, row.getValue().getBytes(StandardCharsets.US_ASCII)))
                .map(Map.Entry::getKey)
                .findFirst();
        bearer.ifPresent(b -> {
            jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?")
                    .param(b.tokenId())
                    .update();
            audit.record(b.username(), "token.use", "token " + b.tokenId(), null, null);
        });
        return bearer;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    /** The app keys' hash of a high-entropy secret, as hex. */
    private static String sha256(String secret) {
        return HexFormat.of().formatHex(ApiKeyFormat.hash(secret));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
