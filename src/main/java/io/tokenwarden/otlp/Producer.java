package io.tokenwarden.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who made a span, told from its instrumentation scope, and how that producer reports an Anthropic call
 * (PRICING.md, "OpenTelemetry producers disagree about input tokens"). Anthropic's own input_tokens excludes
 * cache reads and writes; the GenAI semantic conventions, OpenLLMetry for Python and OpenInference include them,
 * OpenLLMetry for JavaScript does not. An unknown producer is read by the semantic conventions.
 */
enum Producer {

    /** OpenTelemetry's GenAI semantic conventions: inclusive input; cache_write (2026) or cache_creation names. */
    GENAI_CONVENTIONS(
            true,
            List.of("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"),
            List.of("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"),
            List.of("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"),
            List.of(
                    "gen_ai.usage.cache_write.input_tokens",
                    "gen_ai.usage.cache_creation.input_tokens",
                    "gen_ai.usage.cache_creation_input_tokens"),
            List.of("gen_ai.response.model", "gen_ai.request.model")),
    /** opentelemetry-instrumentation-anthropic (Python): inclusive; before 0.54 the underscore cache names. */
    OPENLLMETRY_PYTHON(
            true,
            GENAI_CONVENTIONS.input,
            GENAI_CONVENTIONS.output,
            GENAI_CONVENTIONS.cacheRead,
            GENAI_CONVENTIONS.cacheWrite,
            GENAI_CONVENTIONS.model),
    /** @traceloop/instrumentation-anthropic: Anthropic's own input_tokens, which already leave the cache out. */
    OPENLLMETRY_JS(
            false,
            GENAI_CONVENTIONS.input,
            GENAI_CONVENTIONS.output,
            GENAI_CONVENTIONS.cacheRead,
            GENAI_CONVENTIONS.cacheWrite,
            GENAI_CONVENTIONS.model),
    /** OpenInference (Arize Phoenix): llm.token_count.* with an inclusive prompt count, llm.model_name. */
    OPENINFERENCE(
            true,
            List.of("llm.token_count.prompt"),
            List.of("llm.token_count.completion"),
            List.of("llm.token_count.prompt_details.cache_read"),
            List.of("llm.token_count.prompt_details.cache_write"),
            List.of("llm.model_name", "llm.response.model_name", "llm.request.model_name"));

    private final boolean inclusiveInput;
    private final List<String> input;
    private final List<String> output;
    private final List<String> cacheRead;
    private final List<String> cacheWrite;
    private final List<String> model;

    Producer(
            boolean inclusiveInput,
            List<String> input,
            List<String> output,
            List<String> cacheRead,
            List<String> cacheWrite,
            List<String> model) {
        this.inclusiveInput = inclusiveInput;
        this.input = input;
        this.output = output;
        this.cacheRead = cacheRead;
        this.cacheWrite = cacheWrite;
        this.model = model;
    }

    /** The producer of a span with this scope; a span of an unknown scope with llm.* counts is OpenInference's. */
    static Producer of(String scopeName, Map<String, AnyValue> span) {
        String scope = scopeName == null ? "" : scopeName;
        if (scope.startsWith("@traceloop/")) {
            return OPENLLMETRY_JS;
        }
        if (scope.startsWith("opentelemetry.instrumentation.anthropic")) {
            return OPENLLMETRY_PYTHON;
        }
        if (scope.contains("openinference")
                || (!span.containsKey("gen_ai.usage.input_tokens") && span.containsKey("llm.token_count.prompt"))) {
            return OPENINFERENCE;
        }
        return GENAI_CONVENTIONS;
    }

    String wireName() {
        return io.tokenwarden.web.WireNames.of(this);
    }

    /** The call's usage in Anthropic's terms; empty when the span carries no token counts (not an LLM call). */
    Optional<Usage> usage(Map<String, AnyValue> span) {
        Optional<Long> in = first(span, input);
        Optional<Long> out = first(span, output);
        if (in.isEmpty() && out.isEmpty()) {
            return Optional.empty();
        }
        long read = first(span, cacheRead).orElse(0L);
        long write = first(span, cacheWrite).orElse(0L);
        long uncached = inclusiveInput ? Math.max(0, in.orElse(0L) - read - write) : in.orElse(0L);
        return Optional.of(new Usage(uncached, out.orElse(0L), read, write));
    }

    Optional<String> model(Map<String, AnyValue> span) {
        return model.stream()
                .map(key -> SpanValues.text(span, key))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Long> first(Map<String, AnyValue> span, List<String> keys) {
        return keys.stream()
                .map(key -> SpanValues.integer(span, key))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Anthropic's additive counts: uncached input, output, cache reads, cache writes. */
    record Usage(long input, long output, long cacheRead, long cacheWrite) {}
}
