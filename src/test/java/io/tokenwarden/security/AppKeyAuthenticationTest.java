package io.tokenwarden.security;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AppKeyAuthenticationTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void missingMalformedAndUnknownKeysAre401() {
        String body = api.toJson(event("e").toMap());

        assertThat(api.send(api.jsonPost("/api/v1/events", body)).status()).isEqualTo(401);
        assertThat(api.postEvents("not-a-key", body).status()).isEqualTo(401);
        assertThat(api.postEvents("tw_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", body)
                        .status())
                .isEqualTo(401);
        assertThat(api.postEvents("' OR '1'='1", body).status()).isEqualTo(401);
    }

    @Test
    void aKeyWithTheRightIdButWrongSecretIs401() {
        Api.NewApp app = api.newApp();
        String forged = app.apiKey().substring(0, app.apiKey().length() - 4) + "AAAA";

        assertThat(api.postEvents(forged, api.toJson(event("e").toMap())).status())
                .isEqualTo(401);
    }

    @Test
    void rotationKeepsTheOldKeyUntilItIsRevoked() {
        Api.NewApp app = api.newApp();
        Api.Response rotated = api.postAsAdmin("/api/v1/apps/" + app.name() + "/keys", "");
        assertThat(rotated.status()).isEqualTo(201);
        String newKey = rotated.json().get("api_key").stringValue();

        assertThat(api.postEvents(app.apiKey(), api.toJson(event("old-key").toMap()))
                        .status())
                .isEqualTo(200);
        assertThat(api.postEvents(newKey, api.toJson(event("new-key").toMap())).status())
                .isEqualTo(200);

        Api.Response revoked =
                api.send(HttpRequest.newBuilder(api.uri("/api/v1/apps/" + app.name() + "/keys/" + app.keyId()))
                        .DELETE()
                        .header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD)));
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.postEvents(app.apiKey(), api.toJson(event("after-revoke").toMap()))
                        .status())
                .isEqualTo(401);
        assertThat(api.postEvents(newKey, api.toJson(event("still-fine").toMap()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void keysAreStoredOnlyAsHashesAndNeverLogged(CapturedOutput output) {
        Api.NewApp app = api.newApp();
        api.postEvents(app.apiKey(), api.toJson(event("logged?").toMap()));
        // tw_ + 16 hex digits + _ + secret; the secret is base64url and may itself contain '_'
        String secret = app.apiKey().substring("tw_".length() + 16 + 1);
        assertThat(secret).hasSize(43);

        assertThat(output.getAll()).doesNotContain(secret);
        long plaintext = jdbc.sql("SELECT count(*) FROM app_key WHERE encode(secret_hash, 'escape') LIKE ?")
                .param("%" + secret + "%")
                .query(Long.class)
                .single();
        assertThat(plaintext).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE after::text LIKE ? OR subject LIKE ?")
                        .params("%" + secret + "%", "%" + secret + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void keyCreationIsAudited() {
        Api.NewApp app = api.newApp();

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject LIKE ? ORDER BY id")
                        .param(app.name() + "%")
                        .query(String.class)
                        .list())
                .containsExactly("app.create", "app_key.create");
    }
}
