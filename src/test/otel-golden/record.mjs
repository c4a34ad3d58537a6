// Records OTLP/JSON trace payloads from real OpenTelemetry instrumentations of the Anthropic TypeScript SDK,
// calling a local stand-in of the Messages API. The Java suite replays the files (OtelProducersTest) without
// Node. Run: npm ci && npm run record  (writes ../resources/otel-golden/*.json)
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as sdk from '@anthropic-ai/sdk';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { AnthropicInstrumentation as OpenLLMetry } from '@traceloop/instrumentation-anthropic';
import { AnthropicInstrumentation as OpenInference } from '@arizeai/openinference-instrumentation-anthropic';

// What the stand-in answers, in call order: a cached Sonnet 4.6 call (3 uncached input tokens, 4,000 read from
// the cache, 1,200 written to it) and a plain Haiku 4.5 call.
const ANSWERS = [
  { id: 'msg_golden_cached', model: 'claude-sonnet-4-6',
    usage: { input_tokens: 3, cache_creation_input_tokens: 1200, cache_read_input_tokens: 4000, output_tokens: 50,
      cache_creation: { ephemeral_5m_input_tokens: 1200, ephemeral_1h_input_tokens: 0 }, service_tier: 'standard' } },
  { id: 'msg_golden_plain', model: 'claude-haiku-4-5-20251001',
    usage: { input_tokens: 2000, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 120,
      service_tier: 'standard' } },
];

function standIn() {
  let calls = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = ANSWERS[calls++ % ANSWERS.length];
      const body = JSON.stringify({ ...answer, type: 'message', role: 'assistant', stop_reason: 'end_turn',
        stop_sequence: null, content: [{ type: 'text', text: 'ok' }] });
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_golden' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function record(name, instrumentation, server) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'golden-' + name }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
  instrumentation.manuallyInstrument(sdk);
  const client = new sdk.Anthropic({ apiKey: 'sk-ant-golden', baseURL: `http://127.0.0.1:${server.address().port}` });
  for (const answer of ANSWERS) {
    await client.messages.create({ model: answer.model, max_tokens: 100,
      system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'Say ok.' }] });
  }
  await provider.forceFlush();
  instrumentation.disable();
  const spans = exporter.getFinishedSpans();
  if (spans.length !== ANSWERS.length) {
    throw new Error(`${name}: expected ${ANSWERS.length} spans, got ${spans.length}`);
  }
  const payload = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
  writeFileSync(new URL(`../resources/otel-golden/${name}.json`, import.meta.url), JSON.stringify(payload, null, 2) + '\n');
  console.log(`${name}: ${spans.length} spans, scope ${spans[0].instrumentationScope.name} ${spans[0].instrumentationScope.version}`);
}

mkdirSync(new URL('../resources/otel-golden/', import.meta.url), { recursive: true });
const server = await standIn();
try {
  await record('openllmetry-js', new OpenLLMetry(), server);
  await record('openinference-js', new OpenInference(), server);
} finally {
  server.close();
}
