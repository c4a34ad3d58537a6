package io.tokenwarden.harness;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Realistic usage events, numbered, each with the exact cost the seeded catalog must give it
 * (worked out here by hand from the published prices, so that the client has its own sum).
 */
public final class Workload {

    private static final String[] USE_CASES = {
        "document_processing", "customer_chat", "code_review", "triage", "summarization", "search_answers"
    };
    private static final String[] MODELS = {"claude-haiku-4-5", "claude-sonnet-4-6", "claude-opus-4-6"};
    /** Input, cache read and output dollars per million tokens of MODELS, from the seeded catalog. */
    private static final BigDecimal[][] PRICES = {
        {new BigDecimal("1"), new BigDecimal("0.10"), new BigDecimal("5")},
        {new BigDecimal("3"), new BigDecimal("0.30"), new BigDecimal("15")},
        {new BigDecimal("5"), new BigDecimal("0.50"), new BigDecimal("25")}
    };

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BATCH = new BigDecimal("0.5");

    private final String idPrefix;
    private final Instant base;

    /** @param idPrefix makes this run's ids unique; events occur over the hour before {@code base} */
    public Workload(String idPrefix, Instant base) {
        this.idPrefix = idPrefix;
        this.base = base;
    }

    public String id(long n) {
        return idPrefix + n;
    }

    public void appendJson(StringBuilder json, long n) {
        int model = (int) (n % MODELS.length);
        json.append("{\"event_id\":\"")
                .append(id(n))
                .append("\",\"occurred_at\":\"")
                .append(base.minusMillis(3_600_000 - n % 3_600_000))
                .append("\",\"use_case\":\"")
                .append(USE_CASES[(int) (n % USE_CASES.length)])
                .append("\",\"model\":\"")
                .append(MODELS[model])
                .append("\",\"usage\":{\"input_tokens\":")
                .append(input(n))
                .append(",\"output_tokens\":")
                .append(output(n))
                .append(",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":")
                .append(cacheRead(n))
                .append(",\"service_tier\":\"")
                .append(batch(n) ? "batch" : "standard")
                .append("\"},\"task_type\":\"extraction\",\"prompt\":{\"prefix_hash\":\"sha256:p")
                .append(n % 20)
                .append(
                        "\",\"prefix_tokens\":4000},\"business_units\":1,\"tags\":{\"team\":\"legal\",\"env\":\"prod\"}}");
    }

    public BigDecimal cost(long n) {
        BigDecimal[] price = PRICES[(int) (n % MODELS.length)];
        BigDecimal dollars = price[0].multiply(BigDecimal.valueOf(input(n)))
                .add(price[1].multiply(BigDecimal.valueOf(cacheRead(n))))
                .add(price[2].multiply(BigDecimal.valueOf(output(n))))
                .divide(MILLION);
        return batch(n) ? dollars.multiply(BATCH) : dollars;
    }

    private static long input(long n) {
        return 200 + n % 5000;
    }

    private static long output(long n) {
        return 50 + n % 700;
    }

    private static long cacheRead(long n) {
        return n % 3 == 0 ? 4000 : 0;
    }

    private static boolean batch(long n) {
        return n % 10 == 7;
    }
}
