package io.tokenwarden.usecase;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.security.Role;
import io.tokenwarden.security.UserAccounts;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class UseCaseSettingsTest {

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUseCaseIsListedAsSoonAsAnEventNamesIt() {
        String useCase = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        api.postEvents(
                api.newApp().apiKey(),
                api.toJson(event("e").with("use_case", useCase).toMap()));

        JsonNode listed = find(useCase);
        assertThat(listed.get("display_name").isNull()).isTrue();
        assertThat(listed.get("monthly_budget_usd").isNull()).isTrue();
    }

    @Test
    void putReplacesTheSettingsAndIsAudited() {
        String useCase = "settings-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response put = put(useCase, "admin", Api.ADMIN_PASSWORD, """
                {"display_name": "Contract review", "owner_team": "legal", "unit_name": "contract",
                 "value_per_unit_usd": "12.50", "monthly_budget_usd": 900, "latency_class": "background",
                 "default_task_type": "document_review"}""");

        assertThat(put.status()).isEqualTo(200);
        JsonNode listed = find(useCase);
        assertThat(listed.get("owner_team").stringValue()).isEqualTo("legal");
        assertThat(listed.get("value_per_unit_usd").stringValue()).isEqualTo("12.500000000000");
        assertThat(listed.get("monthly_budget_usd").stringValue()).isEqualTo("900.000000000000");
        assertThat(listed.get("latency_class").stringValue()).isEqualTo("background");

        put(useCase, "admin", Api.ADMIN_PASSWORD, "{\"display_name\": \"Contracts\"}");
        assertThat(find(useCase).get("owner_team").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'use_case.put' AND subject = ?")
                        .param(useCase)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void invalidSettingsAre400AndOnlyAdminsMayPut() {
        Api.Response invalid = put(
                "ok-name", "admin", Api.ADMIN_PASSWORD, "{\"latency_class\": \"soon\", \"monthly_budget_usd\": -1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").stringValue())
                        .toList())
                .containsExactlyInAnyOrder("latency_class", "monthly_budget_usd");

        String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(engineer, "eng-pw", Role.ENGINEER, "test");
        assertThat(put("ok-name", engineer, "eng-pw", "{}").status()).isEqualTo(403);
        assertThat(api.getAs(engineer, "eng-pw", "/api/v1/use-cases").status()).isEqualTo(200);
    }

    @Test
    void aFieldThatIsNotASettingIs400AndChangesNothingWhileAGetBodyMayBeSentBack() {
        String useCase = "unknown-field-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put(useCase, "admin", Api.ADMIN_PASSWORD, "{\"monthly_budget_usd\": \"50\"}")
                        .status())
                .isEqualTo(200);

        Api.Response typo = put(useCase, "admin", Api.ADMIN_PASSWORD, "{\"monthly_budget\": \"80\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("errors").get(0).get("field").stringValue()).isEqualTo("monthly_budget");
        assertThat(typo.body()).contains("is not a use-case setting", "monthly_budget_usd");
        assertThat(find(useCase).get("monthly_budget_usd").stringValue()).isEqualTo("50.000000000000");

        String asListed = find(useCase).toString();
        assertThat(put(useCase, "admin", Api.ADMIN_PASSWORD, asListed).status()).isEqualTo(200);
    }

    private Api.Response put(String useCase, String user, String password, String body) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/use-cases/" + useCase))
                .header("Content-Type", "application/json")
                .header("Authorization", Api.basic(user, password))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode find(String useCase) {
        return api.getAsAdmin("/api/v1/use-cases")
                .json()
                .valueStream()
                .filter(u -> u.get("use_case").stringValue().equals(useCase))
                .findFirst()
                .orElseThrow(() -> new AssertionError(useCase + " is not listed"));
    }
}
