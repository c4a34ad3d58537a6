package io.tokenwarden.security;

import java.time.Instant;
import java.util.List;

record AppView(String app, Instant createdAt, List<Key> keys) {

    record Key(String keyId, Instant createdAt, Instant revokedAt) {}
}
