package io.tokenwarden.security;

import java.util.HexFormat;
import java.util.Optional;

/**
 * An app key the gateway could not check because PostgreSQL was unreachable: the public key id and the SHA-256 of
 * the secret (never the secret), enough to check it later with {@link AppKeys#verify(PresentedKey)}.
 */
public record PresentedKey(String keyId, String secretSha256) {

    static Optional<PresentedKey> of(String presented) {
        return ApiKeyFormat.parse(presented)
                .map(p -> new PresentedKey(p.keyId(), HexFormat.of().formatHex(ApiKeyFormat.hash(p.secret()))));
    }
}
