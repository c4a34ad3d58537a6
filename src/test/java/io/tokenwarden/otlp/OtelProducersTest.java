package io.tokenwarden.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each OpenTelemetry producer as it really emits. The JavaScript payloads were recorded from the real libraries
 * against a stand-in of the Messages API (src/test/otel-golden, npm run record); the same two calls each time:
 * a cached Sonnet 4.6 call (3 uncached input tokens, 1,200 written to the cache, 4,000 read, 50 output) and a
 * plain Haiku 4.5 call (2,000 in, 120 out). The Python library cannot be installed here (no PyPI), so its spans
 * and the semantic conventions' are built with the OpenTelemetry Java SDK under the scope names those
 * libraries use, with the attribute names of their sources.
 */
@IntegrationTest
class OtelProducersTest {

    // Sonnet 4.6: 3 x 3 + 1,200 x 3.75 + 4,000 x 0.30 + 50 x 15 = 6,459 per million
    private static final Map<String, Object> CACHED_SONNET = Map.of(
            "model_id",
            "claude-sonnet-4-6",
            "input",
            3L,
            "write",
            1200L,
            "read",
            4000L,
            "output",
            50L,
            "cost",
            new BigDecimal("0.006459"));
    // Haiku 4.5: 2,000 x 1 + 120 x 5 = 2,600 per million
    private static final Map<String, Object> PLAIN_HAIKU = Map.of(
            "model_id",
            "claude-haiku-4-5-20251001",
            "input",
            2000L,
            "write",
            0L,
            "read",
            0L,
            "output",
            120L,
            "cost",
            new BigDecimal("0.0026"));

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void openLlmetryForJavaScriptReportsInputWithoutTheCache() throws IOException {
        Api.NewApp app = replay("openllmetry-js.json");
        assertThat(stored(app)).containsExactlyInAnyOrder(CACHED_SONNET, PLAIN_HAIKU);
        assertThat(producers(app)).containsExactly("openllmetry_js");
    }

    @Test
    void openInferenceReportsTokenCountsOfItsOwn() throws IOException {
        Api.NewApp app = replay("openinference-js.json");
        assertThat(stored(app)).containsExactlyInAnyOrder(CACHED_SONNET, PLAIN_HAIKU);
        assertThat(producers(app)).containsExactly("openinference");
    }

    @Test
    void openLlmetryForPythonOldAndNewNamesAndTheSemanticConventionsIncludeTheCache() {
        Api.NewApp app = api.newApp();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(api.uri("/v1/traces").toString())
                .addHeader("Authorization", "Bearer " + app.apiKey())
                .build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "py")))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        // opentelemetry-instrumentation-anthropic before 0.54: underscore cache names, gen_ai.system = Anthropic
        cachedSonnet(
                        provider.get("opentelemetry.instrumentation.anthropic", "0.53.3"),
                        "gen_ai.usage.cache_read_input_tokens",
                        "gen_ai.usage.cache_creation_input_tokens")
                .setAttribute("gen_ai.system", "Anthropic")
                .startSpan()
                .end();
        // 0.54 and later: dotted names
        cachedSonnet(
                        provider.get("opentelemetry.instrumentation.anthropic", "0.54.0"),
                        "gen_ai.usage.cache_read.input_tokens",
                        "gen_ai.usage.cache_creation.input_tokens")
                .startSpan()
                .end();
        // the semantic conventions of 2026 (cache_write), from a producer Tokenwarden does not know
        cachedSonnet(
                        provider.get("some.other.instrumentation"),
                        "gen_ai.usage.cache_read.input_tokens",
                        "gen_ai.usage.cache_write.input_tokens")
                .setAttribute("gen_ai.provider.name", "anthropic")
                .startSpan()
                .end();
        assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        provider.shutdown();

        assertThat(stored(app)).containsExactly(CACHED_SONNET, CACHED_SONNET, CACHED_SONNET);
        assertThat(producers(app)).containsExactlyInAnyOrder("openllmetry_python", "genai_conventions");
    }

    /** A span of the cached Sonnet call with inclusive input (3 + 1,200 + 4,000) under the given cache names. */
    private static io.opentelemetry.api.trace.SpanBuilder cachedSonnet(Tracer tracer, String read, String write) {
        return tracer.spanBuilder("chat claude-sonnet-4-6")
                .setAttribute("gen_ai.request.model", "claude-sonnet-4-6")
                .setAttribute("gen_ai.response.model", "claude-sonnet-4-6")
                .setAttribute("gen_ai.usage.input_tokens", 5203L)
                .setAttribute("gen_ai.usage.output_tokens", 50L)
                .setAttribute(read, 4000L)
                .setAttribute(write, 1200L);
    }

    private Api.NewApp replay(String golden) throws IOException {
        Api.NewApp app = api.newApp();
        String payload;
        try (InputStream in = getClass().getResourceAsStream("/otel-golden/" + golden)) {
            payload = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Api.Response response =
                api.send(api.jsonPost("/v1/traces", payload).header("Authorization", "Bearer " + app.apiKey()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return app;
    }

    private List<Map<String, Object>> stored(Api.NewApp app) {
        return jdbc.sql("""
                        SELECT model_id, input_tokens AS input, cache_creation_input_tokens AS write,
                               cache_read_input_tokens AS read, output_tokens AS output, cost
                        FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? ORDER BY e.id""").param(app.name()).query().listOfRows().stream()
                .map(row -> Map.<String, Object>of(
                        "model_id",
                        row.get("model_id"),
                        "input",
                        row.get("input"),
                        "write",
                        row.get("write"),
                        "read",
                        row.get("read"),
                        "output",
                        row.get("output"),
                        "cost",
                        ((BigDecimal) row.get("cost")).stripTrailingZeros()))
                .toList();
    }

    private List<String> producers(Api.NewApp app) {
        return jdbc.sql("SELECT DISTINCT tags->>'otel_producer' FROM usage_event e JOIN app a ON a.id = e.app_id "
                        + "WHERE a.name = ?")
                .param(app.name())
                .query(String.class)
                .list();
    }
}
