package io.tokenwarden.security;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.security.StoredKeyCache.StoredKey;
import io.tokenwarden.web.ApiException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Apps and their keys: create, rotate (add a key), revoke, and authenticate a presented key. */
@Service
public class AppKeys {

    /** Compared against when the key id is unknown, so that both paths cost one hash comparison. */
    private static final byte[] NO_HASH = new byte[32];

    private final AppRepository apps;
    private final AppKeyRepository keys;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final StoredKeyCache cache = new StoredKeyCache(System::nanoTime);

    AppKeys(AppRepository apps, AppKeyRepository keys, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.apps = apps;
        this.keys = keys;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedKey createApp(String name, String actor) {
        if (apps.findByName(name).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "An app named '" + name + "' exists already.");
        }
        AppEntity app = apps.save(new AppEntity(name));
        audit.record(actor, "app.create", name, null, Map.of("app", name));
        return issue(app, actor);
    }

    @Transactional
    IssuedKey addKey(String appName, String actor) {
        return issue(app(appName), actor);
    }

    @Transactional
    void revoke(String appName, String keyId, String actor) {
        AppEntity app = app(appName);
        AppKeyEntity key = keys.findByKeyIdAndAppId(keyId, app.id())
                .orElseThrow(() -> ApiException.notFound("App '" + appName + "' has no key '" + keyId + "'."));
        key.revoke(clock.instant());
        audit.record(actor, "app_key.revoke", appName + "/" + keyId, null, Map.of("key_id", keyId));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.invalidateAll();
            }
        });
    }

    @Transactional(readOnly = true)
    List<AppView> list() {
        return apps.findAll().stream()
                .map(app -> new AppView(
                        app.name(),
                        app.createdAt(),
                        keys.findByAppIdOrderByCreatedAt(app.id()).stream()
                                .map(k -> new AppView.Key(k.keyId(), k.createdAt(), k.revokedAt()))
                                .toList()))
                .toList();
    }

    /** The app of a presented key, if the key exists, matches and is not revoked. */
    public Optional<AppPrincipal> authenticate(String presentedKey) {
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(presentedKey);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredKey> stored = cache.get(parsed.get().keyId(), this::load);
        byte[] expected = stored.map(StoredKey::secretHash).orElse(NO_HASH);
        boolean matches =
                MessageDigest.isEqual(expected, ApiKeyFormat.hash(parsed.get().secret()));
        return stored.filter(key -> matches)
                .map(key -> new AppPrincipal(
                        key.appId(), key.appName(), parsed.get().keyId()));
    }

    /** The app of a key presented while the database was down, once it can be checked. */
    public Optional<AppPrincipal> verify(PresentedKey presented) {
        if (!presented.keyId().matches("[0-9a-f]{16}")
                || !presented.secretSha256().matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Optional<StoredKey> stored = cache.get(presented.keyId(), this::load);
        byte[] hash = java.util.HexFormat.of().parseHex(presented.secretSha256());
        return stored.filter(key -> MessageDigest.isEqual(key.secretHash(), hash))
                .map(key -> new AppPrincipal(key.appId(), key.appName(), presented.keyId()));
    }

    private Optional<StoredKey> load(String keyId) {
        return jdbc.sql("""
                        SELECT k.app_id, a.name, k.secret_hash FROM app_key k JOIN app a ON a.id = k.app_id
                        WHERE k.key_id = ? AND k.revoked_at IS NULL""")
                .param(keyId)
                .query((rs, n) -> new StoredKey(rs.getLong(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    private IssuedKey issue(AppEntity app, String actor) {
        String keyId = ApiKeyFormat.newKeyId();
        String secret = ApiKeyFormat.newSecret();
        keys.save(new AppKeyEntity(keyId, app.id(), ApiKeyFormat.hash(secret)));
        audit.record(actor, "app_key.create", app.name() + "/" + keyId, null, Map.of("key_id", keyId));
        return new IssuedKey(app.name(), keyId, ApiKeyFormat.format(keyId, secret));
    }

    private AppEntity app(String name) {
        return apps.findByName(name).orElseThrow(() -> ApiException.notFound("There is no app '" + name + "'."));
    }
}
