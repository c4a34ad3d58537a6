package io.tokenwarden.pricing;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Each test prices a model of its own, so the seeded catalog other tests rely on never changes. */
@IntegrationTest
class RepricingTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    Api.NewApp app;
    String model;

    @BeforeEach
    void setUp() {
        app = api.newApp();
        model = "claude-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void unpricedEventsArePricedWhenTheirModelGetsAPrice() {
        ingest("early", "2026-06-01T00:00:00Z");
        assertThat(cost("early")).isNull();

        Api.Response added = addPrice("2026-01-01T00:00:00Z", "2");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("repriced_events").longValue()).isEqualTo(1);
        // 1,000 input x $2 + 100 output x $10 per million (output is 5x input in these tests)
        assertThat(cost("early")).isEqualByComparingTo("0.003");
    }

    @Test
    void aNewVersionRepricesOnlyTheEventsItNowGoverns() {
        addPrice("2026-01-01T00:00:00Z", "2");
        ingest("june", "2026-06-01T00:00:00Z");
        ingest("august", "2026-08-15T00:00:00Z");
        ingest("october", "2026-10-01T00:00:00Z");

        addPrice("2026-09-01T00:00:00Z", "4");
        addPrice("2026-08-01T00:00:00Z", "3");

        assertThat(cost("june")).isEqualByComparingTo("0.003"); // 1,000 x 2 + 100 x 10
        assertThat(cost("august")).isEqualByComparingTo("0.0045"); // 1,000 x 3 + 100 x 15
        assertThat(cost("october")).isEqualByComparingTo("0.006"); // 1,000 x 4 + 100 x 20
    }

    @Test
    void eventsArrivingAfterAPriceChangeUseIt() {
        addPrice("2026-01-01T00:00:00Z", "2");

        JsonNode result = api.postEvents(
                        app.apiKey(),
                        api.toJson(event("later")
                                .with("model", model)
                                .with("occurred_at", "2026-02-01T00:00:00Z")
                                .toMap()))
                .json()
                .get("results")
                .get(0);

        assertThat(result.get("cost_usd").stringValue()).isEqualTo("0.003000000000");
    }

    @Test
    void theCatalogListsTheNewVersionAndTheChangeIsAudited() {
        addPrice("2026-01-01T00:00:00Z", "2");

        JsonNode prices = api.getAsAdmin("/api/v1/prices").json();
        JsonNode ours = prices.valueStream()
                .filter(p -> p.get("model").stringValue().equals(model))
                .findFirst()
                .orElseThrow();
        assertThat(ours.get("input_per_mtok").stringValue()).isEqualTo("2");
        assertThat(ours.get("output_per_mtok").stringValue()).isEqualTo("10");
        assertThat(ours.get("effective_from").stringValue()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'price_version.add' AND subject = ?")
                        .param(model)
                        .query(String.class)
                        .list())
                .containsExactly("admin");
    }

    @Test
    void invalidPriceBodiesAreRefusedFieldByField() {
        Api.Response response = api.postAsAdmin(
                "/api/v1/prices",
                api.toJson(Map.of(
                        "model",
                        model,
                        "effective_from",
                        "yesterday",
                        "input_per_mtok",
                        "-1",
                        "output_per_mtok",
                        "abc",
                        "long_context_threshold",
                        1000)));

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").stringValue())
                .toList();
        assertThat(fields)
                .contains(
                        "effective_from",
                        "input_per_mtok",
                        "output_per_mtok",
                        "cache_read_per_mtok",
                        "long_context_input_per_mtok");
    }

    @Test
    void aSecondVersionAtTheSameInstantIsAConflict() {
        addPrice("2026-01-01T00:00:00Z", "2");

        assertThat(addPrice("2026-01-01T00:00:00Z", "3").status()).isEqualTo(409);
    }

    @Test
    void aModelFieldThatWouldBeIgnoredForAKnownModelIsA400() {
        addPrice("2026-01-01T00:00:00Z", "2");

        Api.Response changed = api.postAsAdmin(
                "/api/v1/prices",
                api.toJson(Map.of(
                        "model",
                        model,
                        "tier",
                        "opus",
                        "us_geo_multiplier",
                        "1.1",
                        "effective_from",
                        "2026-02-01T00:00:00Z",
                        "input_per_mtok",
                        "2",
                        "output_per_mtok",
                        "10",
                        "cache_write_5m_per_mtok",
                        "2.5",
                        "cache_write_1h_per_mtok",
                        "4",
                        "cache_read_per_mtok",
                        "0.2")));

        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.body()).contains("\"tier\"", "\"us_geo_multiplier\"", "change it with a catalog file");
    }

    private Api.Response addPrice(String effectiveFrom, String input) {
        BigDecimal in = new BigDecimal(input);
        return api.postAsAdmin(
                "/api/v1/prices",
                api.toJson(Map.of(
                        "model",
                        model,
                        "tier",
                        "sonnet",
                        "effective_from",
                        effectiveFrom,
                        "input_per_mtok",
                        input,
                        "output_per_mtok",
                        in.multiply(BigDecimal.valueOf(5)).toPlainString(),
                        "cache_write_5m_per_mtok",
                        input,
                        "cache_write_1h_per_mtok",
                        input,
                        "cache_read_per_mtok",
                        input)));
    }

    private void ingest(String eventId, String occurredAt) {
        assertThat(api.postEvents(
                                app.apiKey(),
                                api.toJson(event(eventId)
                                        .with("model", model)
                                        .with("occurred_at", occurredAt)
                                        .toMap()))
                        .status())
                .isEqualTo(200);
    }

    private BigDecimal cost(String eventId) {
        return jdbc.sql(
                        "SELECT cost FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? AND event_id = ?")
                .params(app.name(), eventId)
                .query(BigDecimal.class)
                .list()
                .get(0);
    }
}
