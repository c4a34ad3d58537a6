package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessTest {

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    String finance;

    @BeforeAll
    void financeUser() {
        finance = "finance-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(finance, "finance-pw", Role.FINANCE, "test");
    }

    @Test
    void reportsNeedAUser() {
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/v1/reports/spend"))
                                .GET())
                        .status())
                .isEqualTo(401);
        assertThat(api.getAs("admin", "wrong", "/api/v1/reports/spend").status())
                .isEqualTo(401);
        assertThat(api.getAs(finance, "finance-pw", "/api/v1/reports/spend").status())
                .isEqualTo(200);
    }

    @Test
    void onlyAdminsManageAppsAndPrices() {
        HttpRequest.Builder createApp = api.jsonPost("/api/v1/apps", "{\"name\":\"sneaky\"}")
                .header("Authorization", Api.basic(finance, "finance-pw"));
        HttpRequest.Builder addPrice =
                api.jsonPost("/api/v1/prices", "{}").header("Authorization", Api.basic(finance, "finance-pw"));

        assertThat(api.send(createApp).status()).isEqualTo(403);
        assertThat(api.send(addPrice).status()).isEqualTo(403);
        assertThat(api.getAs(finance, "finance-pw", "/api/v1/prices").status()).isEqualTo(200);
    }

    @Test
    void anAppKeyOpensNothingButIngestion() {
        Api.NewApp app = api.newApp();
        HttpRequest.Builder withKey = HttpRequest.newBuilder(api.uri("/api/v1/reports/spend"))
                .GET()
                .header("Authorization", "Bearer " + app.apiKey());

        assertThat(api.send(withKey).status()).isEqualTo(401);
    }

    @Test
    void pagesRedirectToTheLoginForm() {
        Api.Response home = api.send(HttpRequest.newBuilder(api.uri("/")).GET());

        assertThat(home.status()).isEqualTo(302);
        assertThat(home.raw().headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void appNamesAreValidatedAndUnique() {
        Api.NewApp app = api.newApp();

        assertThat(api.postAsAdmin("/api/v1/apps", "{\"name\":\"Bad Name\"}").status())
                .isEqualTo(400);
        assertThat(api.postAsAdmin("/api/v1/apps", "{\"name\":\"" + app.name() + "\"}")
                        .status())
                .isEqualTo(409);
    }
}
