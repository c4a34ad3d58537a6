package io.tokenwarden.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "app_key")
class AppKeyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String keyId;
    private Long appId;
    private byte[] secretHash;
    private Instant createdAt;
    private Instant revokedAt;

    protected AppKeyEntity() {}

    AppKeyEntity(String keyId, Long appId, byte[] secretHash) {
        this.keyId = keyId;
        this.appId = appId;
        this.secretHash = secretHash.clone();
        this.createdAt = Instant.now();
    }

    String keyId() {
        return keyId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
