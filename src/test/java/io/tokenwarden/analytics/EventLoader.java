package io.tokenwarden.analytics;

import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.InferenceGeo;
import io.tokenwarden.pricing.Quote;
import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.pricing.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads synthetic, priced usage events with COPY: use cases follow a Zipf-like skew (a few make
 * most of the spend), models and token counts vary, costs come from the real catalog.
 */
final class EventLoader {

    static final String[] MODELS = {
        "claude-opus-4-6",
        "claude-opus-4-5-20251101",
        "claude-opus-4-1-20250805",
        "claude-sonnet-4-6",
        "claude-sonnet-4-5-20250929",
        "claude-sonnet-4-20250514",
        "claude-haiku-4-5-20251001",
        "claude-3-5-haiku-20241022"
    };
    private static final String COPY = "COPY usage_event (app_id, event_id, occurred_at, use_case, model, model_id,"
            + " input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens, cache_write_5m_tokens,"
            + " cache_write_1h_tokens, web_search_requests, service_tier, inference_geo, cost, price_version_id)"
            + " FROM STDIN (FORMAT csv)";

    private final DataSource dataSource;
    private final CatalogSnapshot catalog;
    private final int useCases;
    private final double[] cumulativeWeights;
    /** Time the last load spent waiting on PostgreSQL rather than generating rows. */
    long writingNanos;

    EventLoader(DataSource dataSource, CatalogSnapshot catalog, int useCases) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.useCases = useCases;
        this.cumulativeWeights = zipf(useCases);
    }

    /** COPYs {@code count} events spread evenly over [start, start + seconds). */
    void load(long appId, String idPrefix, long count, Instant start, long seconds, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection con = dataSource.getConnection()) {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            StringBuilder chunk = new StringBuilder(1 << 20);
            long writing = 0;
            for (long i = 0; i < count; i++) {
                row(chunk, appId, idPrefix + i, start.plusSeconds(i * seconds / count), random);
                if (chunk.length() > (1 << 20) - 512) {
                    long t0 = System.nanoTime();
                    write(copy, chunk);
                    writing += System.nanoTime() - t0;
                }
            }
            write(copy, chunk);
            long t0 = System.nanoTime();
            copy.endCopy();
            writingNanos = writing + System.nanoTime() - t0;
        }
    }

    private void row(StringBuilder out, long appId, String eventId, Instant at, SplittableRandom random) {
        String useCase = "use-case-" + pickUseCase(random.nextDouble());
        String model = MODELS[random.nextInt(MODELS.length)];
        long input = 200 + random.nextInt(20_000);
        long output = 20 + random.nextInt(2_000);
        long read = random.nextInt(4) == 0 ? 4_000 : 0;
        ServiceTier tier = random.nextInt(10) == 0 ? ServiceTier.BATCH : ServiceTier.STANDARD;
        TokenUsage usage = TokenUsage.of(input, output).withCacheReads(read).with(tier, InferenceGeo.GLOBAL);
        Quote quote = catalog.quote(model, at, usage);
        out.append(appId)
                .append(',')
                .append(eventId)
                .append(',')
                .append(at)
                .append(',')
                .append(useCase)
                .append(',')
                .append(model)
                .append(',')
                .append(quote.modelId())
                .append(',')
                .append(input)
                .append(',')
                .append(output)
                .append(",0,")
                .append(read)
                .append(",0,0,0,")
                .append(tier.wireName())
                .append(",global,")
                .append(quote.cost().toPlainString())
                .append(',')
                .append(quote.priceVersionId())
                .append('\n');
    }

    private int pickUseCase(double u) {
        for (int i = 0; i < useCases; i++) {
            if (u <= cumulativeWeights[i]) {
                return i;
            }
        }
        return useCases - 1;
    }

    private static double[] zipf(int n) {
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / (i + 1);
            weights[i] = total;
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws Exception {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
