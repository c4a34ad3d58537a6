package io.tokenwarden.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OutcomeIngestionTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void outcomesFollowTheEventRules() {
        Api.NewApp app = api.newApp();
        String body = """
                {"outcomes": [
                  {"outcome_id": "contract-1", "occurred_at": "2026-11-02T09:00:00Z", "use_case": "contract_review", "units": 1},
                  {"outcome_id": "contract-2", "occurred_at": "2026-11-02T09:00:00Z", "use_case": "contract_review", "units": -1},
                  {"outcome_id": "contract-1", "occurred_at": "2026-11-02T09:00:00Z", "use_case": "contract_review", "units": 1}
                ]}""";

        Api.Response response = api.send(api.jsonPost("/api/v1/outcomes", body).header("X-Api-Key", app.apiKey()));

        assertThat(response.status()).isEqualTo(207);
        JsonNode results = response.json().get("results");
        assertThat(EventIngestionTest.statuses(response.json())).containsExactly("accepted", "rejected", "duplicate");
        assertThat(results.get(0).get("outcome_id").stringValue()).isEqualTo("contract-1");
        assertThat(results.get(1).get("errors").get(0).get("field").stringValue())
                .isEqualTo("units");
        assertThat(jdbc.sql("SELECT sum(units) FROM outcome o JOIN app a ON a.id = o.app_id WHERE a.name = ?")
                        .param(app.name())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1");

        Api.Response retry = api.send(api.jsonPost("/api/v1/outcomes", body).header("X-Api-Key", app.apiKey()));
        assertThat(EventIngestionTest.statuses(retry.json())).containsExactly("duplicate", "rejected", "duplicate");
    }
}
