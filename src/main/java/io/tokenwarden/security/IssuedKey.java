package io.tokenwarden.security;

/** A key as shown once at creation; only a hash of its secret is kept. */
public record IssuedKey(String app, String keyId, String apiKey) {}
