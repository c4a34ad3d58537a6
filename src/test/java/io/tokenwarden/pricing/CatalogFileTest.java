package io.tokenwarden.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.analytics.RollupJob;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The catalog file: loaded at start-up, idempotent, and uploaded by an admin after a preview that shows exactly
 * what applying does. A changed row supersedes its version and re-prices history; the rollups follow.
 */
@IntegrationTest
class CatalogFileTest {

    private static final String HEAD = """
            version: "%s"
            sources:
              sheet: https://example.com/prices
              pricing: https://platform.claude.com/docs/en/about-claude/pricing
              service-tiers: https://platform.claude.com/docs/en/api/service-tiers
            service_tiers:
              - {tier: standard, priced_as: standard, source: pricing}
              - {tier: batch, priced_as: batch, source: pricing}
              - {tier: priority, priced_as: standard, note: "Priority Tier has no public price: priced at standard as an estimate", source: service-tiers}
            models:
            """;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RollupJob rollupJob;

    @Test
    void theRepositorysFileIsLoadedAtStartAndApplyingItAgainChangesNothing() throws IOException {
        JsonNode catalog = api.getAsAdmin("/api/v1/catalog").json();
        JsonNode sonnet = catalog.get("models")
                .valueStream()
                .filter(m -> m.get("id").stringValue().equals("claude-sonnet-5-5"))
                .findFirst()
                .orElseThrow();
        assertThat(sonnet.get("routing_target").booleanValue()).isTrue();
        assertThat(sonnet.get("source").stringValue()).startsWith("https://platform.claude.com/");
        JsonNode retired = catalog.get("models")
                .valueStream()
                .filter(m -> m.get("id").stringValue().equals("claude-sonnet-4-5-20250929"))
                .findFirst()
                .orElseThrow();
        assertThat(retired.get("retired").stringValue()).isEqualTo("2026-11-30");
        assertThat(retired.get("routing_target").booleanValue()).isFalse();

        Api.Response again = upload("/api/v1/catalog", repositoryFile());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("versions_added")).isEmpty();
        assertThat(again.json().get("models_changed")).isEmpty();
        assertThat(again.json().get("repriced_events").longValue()).isZero();
    }

    @Test
    void anUploadIsPreviewedThenAppliedAndReachesHistoryAndRollups() {
        Api.NewApp app = api.newApp();
        api.postEvents(app.apiKey(), events("upload-a", "2026-03-10T10:00:00Z"));
        api.postEvents(app.apiKey(), events("upload-b", "2026-07-10T10:00:00Z"));
        assertThat(cost("upload-a")).isNull();
        assertThat(reason("upload-a")).isEqualTo("unknown model claude-upload-test");

        // The first file adds the model at $1 / $5: 1,000,000 x 1 + 100,000 x 5 = $1.50 per event
        Api.Response first = upload(
                "/api/v1/catalog",
                file(
                        "t1",
                        "{from: 2026-01-01, input: 1, cache_write_5m: 1.25, "
                                + "cache_write_1h: 2, cache_read: 0.1, output: 5, source: sheet}"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("models_added").get(0).stringValue()).isEqualTo("claude-upload-test");
        assertThat(first.json().get("newly_priced_events").longValue()).isEqualTo(2);
        assertThat(cost("upload-a")).isEqualByComparingTo("1.5");

        // The second changes the row of 2026-01-01 (input 2: $2.50) and adds one from 2026-06-01 (input 3: $3.50)
        String second = file(
                "t2",
                "{from: 2026-01-01, input: 2, cache_write_5m: 1.25, cache_write_1h: 2, cache_read: 0.1, "
                        + "output: 5, source: sheet}\n      - {from: 2026-06-01, input: 3, cache_write_5m: 1.25, cache_write_1h: 2, "
                        + "cache_read: 0.1, output: 5, source: sheet}");
        Api.Response preview = upload("/api/v1/catalog/preview", second);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("applied").booleanValue()).isFalse();
        assertThat(preview.json().get("versions_superseded").size()).isEqualTo(1);
        assertThat(preview.json().get("versions_added").size()).isEqualTo(1);
        assertThat(preview.json().get("repriced_events").longValue()).isEqualTo(2);
        assertThat(new BigDecimal(preview.json().get("change_usd").stringValue()))
                .isEqualByComparingTo("3"); // +1 +2
        assertThat(cost("upload-a")).as("a preview changes nothing").isEqualByComparingTo("1.5");

        Api.Response applied = upload("/api/v1/catalog", second);
        assertThat(applied.json().get("change_usd").stringValue())
                .isEqualTo(preview.json().get("change_usd").stringValue());
        assertThat(cost("upload-a")).isEqualByComparingTo("2.5");
        assertThat(cost("upload-b")).isEqualByComparingTo("3.5");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'catalog.apply' AND subject = 'catalog t2'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        rollupJob.catchUp(Duration.ofSeconds(30));
        JsonNode july = api.getAsAdmin("/api/v1/reports/spend?from=2026-07-01&to=2026-07-31&group_by=use_case")
                .json();
        assertThat(july.get("rows")
                        .valueStream()
                        .filter(r -> r.get("key").stringValue().equals("catalog-upload"))
                        .findFirst()
                        .orElseThrow()
                        .get("cost_usd")
                        .stringValue())
                .startsWith("3.5");
    }

    @Test
    void aBadFileIsRefusedWithTheFieldsAtFaultAndNothingApplied() throws IOException {
        Api.Response bad = upload(
                "/api/v1/catalog",
                file(
                        "bad",
                        "{from: 2026-13-01, input: -1, cache_write_5m: 1, "
                                + "cache_write_1h: 2, cache_read: 0.1, source: nowhere}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body())
                .contains(
                        "models[0].prices[0].from",
                        "models[0].prices[0].input",
                        "models[0].prices[0].output",
                        "models[0].prices[0].source");
        assertThat(upload("/api/v1/catalog", "models: [unclosed").status()).isEqualTo(400);
        HttpRequest.Builder anonymous =
                api.jsonPost("/api/v1/catalog", repositoryFile()).header("Authorization", Api.basic("nobody", "wrong"));
        assertThat(api.send(anonymous).status()).isEqualTo(401);
    }

    private String file(String version, String priceRows) {
        return HEAD.formatted(version) + """
                  - id: claude-upload-test
                    tier: haiku
                    min_cacheable_tokens: 1024
                    source: sheet
                    prices:
                      - %s
                """.formatted(priceRows);
    }

    private static String events(String id, String at) {
        return """
                {"event_id": "%s", "occurred_at": "%s", "use_case": "catalog-upload", "model": "claude-upload-test",
                 "usage": {"input_tokens": 1000000, "output_tokens": 100000}}""".formatted(id, at);
    }

    private Api.Response upload(String path, String body) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/yaml")
                .header("Authorization", Api.basic("admin", Api.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private BigDecimal cost(String eventId) {
        return jdbc.sql("SELECT cost FROM usage_event WHERE event_id = ?")
                .param(eventId)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
    }

    private String reason(String eventId) {
        return jdbc.sql("SELECT unpriced_reason FROM usage_event WHERE event_id = ?")
                .param(eventId)
                .query(String.class)
                .single();
    }

    private static String repositoryFile() throws IOException {
        try (InputStream in = CatalogFileTest.class.getResourceAsStream("/catalog/claude-catalog.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
