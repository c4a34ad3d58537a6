package io.tokenwarden.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code tw_<key id>_<secret>}: the 16-hex-digit key id is public and finds the row; the secret
 * holds 256 random bits and is stored only as its SHA-256.
 */
final class ApiKeyFormat {

    private static final String PREFIX = "tw_";
    private static final int KEY_ID_HEX = 16;
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Parsed(String keyId, String secret) {}

    private ApiKeyFormat() {}

    static String newKeyId() {
        byte[] id = new byte[KEY_ID_HEX / 2];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String format(String keyId, String secret) {
        return PREFIX + keyId + "_" + secret;
    }

    static Optional<Parsed> parse(String presented) {
        int secretStart = PREFIX.length() + KEY_ID_HEX + 1;
        if (presented == null
                || presented.length() <= secretStart
                || presented.length() > 200
                || !presented.startsWith(PREFIX)
                || presented.charAt(secretStart - 1) != '_') {
            return Optional.empty();
        }
        String keyId = presented.substring(PREFIX.length(), secretStart - 1);
        if (!keyId.chars().allMatch(c -> Character.digit(c, 16) >= 0 && !Character.isUpperCase(c))) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(keyId, presented.substring(secretStart)));
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
