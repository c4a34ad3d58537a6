package io.tokenwarden.pricing;

/**
 * One entry of usage.iterations: a sampling step of a request (message, compaction, advisor_message,
 * fallback_message). The bill is the sum over the iterations; one that names a {@code model} is priced at
 * that model's rates, one without at the request's model.
 */
public record Iteration(
        String type, String model, long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {

    public Iteration {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite5m < 0 || cacheWrite1h < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }

    public long cacheCreation() {
        return cacheWrite5m + cacheWrite1h;
    }
}
