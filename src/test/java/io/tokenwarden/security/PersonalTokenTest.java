package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Personal API tokens: issued once, used within the owner's role, audited, expired, revoked. */
@IntegrationTest
class PersonalTokenTest {

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenActsAsItsOwnerWithinTheOwnersRoleUntilItExpiresOrIsRevoked() {
        String owner = "script-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(owner, "owner-password", Role.ENGINEER, "test");
        Api.Response issued = send(
                "POST",
                "/api/v1/tokens",
                "{\"name\": \"nightly report\", \"expires_in_days\": 30}",
                Api.basic(owner, "owner-password"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").stringValue();
        long id = issued.json().get("id").longValue();
        assertThat(token).startsWith("twp_");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE secret_hash LIKE ?")
                        .param("%" + token.substring(20) + "%")
                        .query(Long.class)
                        .single())
                .as("the secret is not stored")
                .isZero();

        assertThat(send("GET", "/api/v1/use-cases", null, "Bearer " + token).status())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/v1/use-cases/x", "{}", "Bearer " + token).status())
                .as("an ENGINEER's token")
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'token.use' AND actor = ?")
                        .param(owner)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        JsonNode listed = send("GET", "/api/v1/tokens", null, "Bearer " + token).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.get(0).get("last_used_at").isNull()).isFalse();

        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(id)
                .update();
        assertThat(send("GET", "/api/v1/use-cases", null, "Bearer " + token).status())
                .as("expired")
                .isEqualTo(401);
        jdbc.sql("UPDATE api_token SET expires_at = now() + interval '1 day' WHERE id = ?")
                .param(id)
                .update();
        assertThat(send("GET", "/api/v1/use-cases", null, "Bearer " + token).status())
                .isEqualTo(200);

        assertThat(send("DELETE", "/api/v1/tokens/" + id, null, "Bearer " + token)
                        .status())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/use-cases", null, "Bearer " + token).status())
                .as("revoked")
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/use-cases", null, "Bearer " + token.substring(0, token.length() - 2) + "xx")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenRequestIsCheckedField_by_field() {
        Api.Response missing =
                send("POST", "/api/v1/tokens", "{\"expires_in_days\": 0}", Api.basic("admin", Api.ADMIN_PASSWORD));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("name", "expires_in_days");
        assertThat(send("DELETE", "/api/v1/tokens/999999", null, Api.basic("admin", Api.ADMIN_PASSWORD))
                        .status())
                .isEqualTo(404);
    }

    private Api.Response send(String method, String path, String body, String authorization) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", authorization)
                .header("content-type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)));
    }
}
