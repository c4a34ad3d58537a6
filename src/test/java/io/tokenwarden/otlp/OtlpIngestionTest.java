package io.tokenwarden.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real OTLP protobuf payloads from the OpenTelemetry Java SDK's exporter, and an OTLP/JSON one. */
@IntegrationTest
class OtlpIngestionTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void genAiSpansBecomePricedIdempotentEvents() {
        Api.NewApp app = api.newApp();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(api.uri("/v1/traces").toString())
                .addHeader("Authorization", "Bearer " + app.apiKey())
                .build();
        Recording recording = new Recording(exporter);
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "Legal Bot")))
                .addSpanProcessor(SimpleSpanProcessor.create(recording))
                .build();
        Tracer tracer = provider.get("test");
        // OpenTelemetry counts cache tokens inside input_tokens: 5,000 in total, of which 4,000 read from cache
        tracer.spanBuilder("chat claude")
                .setAttribute("gen_ai.request.model", "claude-sonnet-4-5-20250929")
                .setAttribute("gen_ai.usage.input_tokens", 5000L)
                .setAttribute("gen_ai.usage.output_tokens", 100L)
                .setAttribute("gen_ai.usage.cache_read.input_tokens", 4000L)
                .setAttribute("tokenwarden.use_case", "otel-review")
                .startSpan()
                .end();
        tracer.spanBuilder("chat claude old names")
                .setAttribute("gen_ai.response.model", "claude-haiku-4-5")
                .setAttribute("gen_ai.usage.input_tokens", 3000L)
                .setAttribute("gen_ai.usage.output_tokens", 10L)
                .setAttribute("gen_ai.usage.cache_creation_input_tokens", 2000L)
                .startSpan()
                .end();
        tracer.spanBuilder("database query").startSpan().end();
        assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

        // 1,000 x 3 + 4,000 x 0.30 + 100 x 15 = 5,700 per million
        assertThat(stored(app, "otel-review"))
                .containsExactly(Map.of("input", 1000L, "read", 4000L, "cost", new BigDecimal("0.0057")));
        // service.name "Legal Bot" becomes use case legal_bot; 1,000 x 1 + 2,000 x 1.25 + 10 x 5 = 3,550 per million
        assertThat(stored(app, "legal_bot"))
                .containsExactly(Map.of("input", 1000L, "read", 0L, "cost", new BigDecimal("0.00355")));
        assertThat(count(app)).isEqualTo(2);

        CompletableResultCode again = exporter.export(recording.spans); // a retry of the same spans
        assertThat(again.join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(count(app)).isEqualTo(2);
        String eventId = jdbc.sql("SELECT event_id FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ? "
                        + "AND use_case = 'otel-review'")
                .param(app.name())
                .query(String.class)
                .single();
        SpanData first = recording.spans.get(0);
        assertThat(eventId).isEqualTo(first.getTraceId() + ":" + first.getSpanId());
        provider.shutdown();
    }

    @Test
    void otlpJsonWithHexIdsIsAcceptedAndKeysAreRequired() {
        Api.NewApp app = api.newApp();
        String json = """
                {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "json-svc"}}]},
                  "scopeSpans": [{"spans": [{"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174",
                    "name": "chat", "startTimeUnixNano": "1763892000000000000", "endTimeUnixNano": "1763892001000000000",
                    "attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "claude-haiku-4-5"}},
                                   {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "1000"}},
                                   {"key": "gen_ai.usage.output_tokens", "value": {"intValue": "100"}}]}]}]}]}""";

        Api.Response response =
                api.send(api.jsonPost("/v1/traces", json).header("Authorization", "Bearer " + app.apiKey()));
        Api.Response anonymous = api.send(api.jsonPost("/v1/traces", json));

        assertThat(response.status()).isEqualTo(200);
        assertThat(jdbc.sql(
                                "SELECT event_id || ' ' || use_case || ' ' || trim_scale(cost) FROM usage_event e JOIN app a ON a.id = e.app_id "
                                        + "WHERE a.name = ?")
                        .param(app.name())
                        .query(String.class)
                        .single())
                .isEqualTo("5b8efff798038103d269b633813fc60c:eee19b7ec3c1b174 json-svc 0.0015");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private List<Map<String, Object>> stored(Api.NewApp app, String useCase) {
        return jdbc.sql("""
                        SELECT input_tokens AS input, cache_read_input_tokens AS read, cost FROM usage_event e
                        JOIN app a ON a.id = e.app_id WHERE a.name = ? AND use_case = ?""").params(app.name(), useCase).query().listOfRows().stream()
                .map(row -> Map.<String, Object>of(
                        "input",
                        row.get("input"),
                        "read",
                        row.get("read"),
                        "cost",
                        ((BigDecimal) row.get("cost")).stripTrailingZeros()))
                .toList();
    }

    private long count(Api.NewApp app) {
        return jdbc.sql("SELECT count(*) FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                .param(app.name())
                .query(Long.class)
                .single();
    }

    /** Passes spans to the real exporter and keeps them, to send the same ones again. */
    private static final class Recording implements SpanExporter {
        private final SpanExporter delegate;
        private final List<SpanData> spans = new ArrayList<>();

        Recording(SpanExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return delegate.export(batch);
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.shutdown();
        }
    }
}
