package io.tokenwarden.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every model and rule of PRICING.md (December 2026), priced by the app (catalog file, loaded into PostgreSQL at
 * start-up) and by an independent oracle: the sheet's numbers typed in here and a formula written apart from the
 * app's calculator. The two must agree to the last decimal on thousands of random usages.
 */
@IntegrationTest
class PricingSheetOracleTest {

    /** One line of the sheet: a model's prices on one day at one speed. Long-prompt prices may be null. */
    record Line(
            String model,
            String day,
            String speed,
            String geo,
            String in,
            String w5,
            String w1h,
            String read,
            String out,
            long threshold,
            String[] longPrompt) {}

    private static final String US = "1.1";
    private static final String NONE = null;

    /** The sheet's "Models served today" and rules, one priced day per period (model, day, speed, geo, prices). */
    static List<Line> sheet() {
        List<Line> lines = new ArrayList<>();
        add(lines, "claude-fable-5-2", "2026-11-20", US, "8", "10", "16", "0.20", "40");
        add(lines, "claude-mythos-5-2", "2026-11-20", US, "8", "10", "16", "0.20", "40");
        add(lines, "claude-fable-5-1", "2026-10-01", US, "10", "12.50", "20", "0.25", "50");
        add(lines, "claude-mythos-5-1", "2026-10-01", US, "10", "12.50", "20", "0.25", "50");
        add(lines, "claude-fable-5", "2026-07-01", US, "10", "12.50", "20", "1.00", "50");
        add(lines, "claude-mythos-5", "2026-07-01", US, "10", "12.50", "20", "1.00", "50");
        add(lines, "claude-opus-5-5", "2026-11-01", US, "4", "5", "8", "0.20", "20");
        add(lines, "claude-opus-5", "2026-08-01", US, "5", "6.25", "10", "0.50", "25");
        add(lines, "claude-opus-4-8", "2026-06-01", US, "5", "6.25", "10", "0.50", "25");
        add(lines, "claude-opus-4-7", "2026-05-01", US, "5", "6.25", "10", "0.50", "25");
        add(lines, "claude-opus-4-6", "2026-04-01", US, "5", "6.25", "10", "0.50", "25");
        add(lines, "claude-sonnet-5-5", "2026-10-01", US, "2", "2.50", "4", "0.20", "10");
        add(lines, "claude-sonnet-5-5", "2026-10-07", US, "2", "2.50", "4", "0.10", "10");
        add(lines, "claude-sonnet-5", "2026-07-15", US, "2", "2.50", "4", "0.20", "10");
        add(lines, "claude-sonnet-4-6", "2026-04-01", US, "3", "3.75", "6", "0.30", "15");
        add(lines, "claude-opus-4-5", "2026-11-01", NONE, "5", "6.25", "10", "0.50", "25");
        add(lines, "claude-haiku-4-5", "2026-11-01", NONE, "1", "1.25", "2", "0.10", "5");
        // Retired models keep their prices: history is priced with them.
        add(lines, "claude-sonnet-4-5-20250929", "2026-11-29", NONE, "3", "3.75", "6", "0.30", "15");
        add(lines, "claude-opus-4-1-20250805", "2026-03-01", NONE, "15", "18.75", "30", "1.50", "75");
        add(lines, "claude-opus-4-20250514", "2026-03-01", NONE, "15", "18.75", "30", "1.50", "75");
        add(lines, "claude-sonnet-4-20250514", "2026-05-20", NONE, "3", "3.75", "6", "0.30", "15");
        add(lines, "claude-3-haiku-20240307", "2026-01-10", NONE, "0.25", "0.30", "0.50", "0.03", "1.25");
        add(lines, "claude-3-7-sonnet-20250219", "2026-01-10", NONE, "3", "3.75", "6", "0.30", "15");
        add(lines, "claude-3-5-haiku-20241022", "2026-01-10", NONE, "0.80", "1", "1.6", "0.08", "4");
        // Long prompts: above the threshold every term, output included, at the long-prompt prices.
        addLong(
                lines,
                "claude-sonnet-4-5-20250929",
                "2026-04-30",
                NONE,
                200_000,
                new String[] {"3", "3.75", "6", "0.30", "15"},
                new String[] {"6", "7.50", "12", "0.60", "22.50"});
        addLong(
                lines,
                "claude-sonnet-4-20250514",
                "2026-02-01",
                NONE,
                200_000,
                new String[] {"3", "3.75", "6", "0.30", "15"},
                new String[] {"6", "7.50", "12", "0.60", "22.50"});
        addLong(
                lines,
                "claude-opus-4-6",
                "2026-03-12",
                US,
                200_000,
                new String[] {"5", "6.25", "10", "0.50", "25"},
                new String[] {"10", "12.50", "20", "1.00", "37.50"});
        addLong(
                lines,
                "claude-sonnet-4-6",
                "2026-02-17",
                US,
                200_000,
                new String[] {"3", "3.75", "6", "0.30", "15"},
                new String[] {"6", "7.50", "12", "0.60", "22.50"});
        addLong(
                lines,
                "claude-haiku-5-5",
                "2026-11-01",
                US,
                100_000,
                new String[] {"0.10", "0.125", "0.20", "0.01", "0.50"},
                new String[] {"0.50", "0.625", "1.00", "0.05", "2.50"});
        // Fast mode: premium input/output, cache terms scaled by the input's factor.
        fast(lines, "claude-opus-4-6", "2026-03-01", "30", "37.50", "60", "3.00", "150");
        fast(lines, "claude-opus-4-6", "2026-07-01", "5", "6.25", "10", "0.50", "25");
        fast(lines, "claude-opus-4-8", "2026-11-30", "10", "12.50", "20", "1.00", "50");
        fast(lines, "claude-opus-5", "2026-11-01", "10", "12.50", "20", "1.00", "50");
        fast(lines, "claude-opus-5-5", "2026-11-01", "8", "10", "16", "0.40", "40");
        return lines;
    }

    private static void add(List<Line> lines, String model, String day, String geo, String... p) {
        lines.add(new Line(model, day, "standard", geo, p[0], p[1], p[2], p[3], p[4], Long.MAX_VALUE, null));
    }

    private static void addLong(
            List<Line> lines, String model, String day, String geo, long threshold, String[] p, String[] lp) {
        lines.add(new Line(model, day, "standard", geo, p[0], p[1], p[2], p[3], p[4], threshold, lp));
    }

    private static void fast(List<Line> lines, String model, String day, String... p) {
        lines.add(new Line(model, day, "fast", US, p[0], p[1], p[2], p[3], p[4], Long.MAX_VALUE, null));
    }

    @Autowired
    PriceCatalog catalog;

    CatalogSnapshot prices;

    @BeforeEach
    void load() {
        prices = catalog.current();
    }

    @Test
    void everyLineOfTheSheetPricesAsTheOracleSays() {
        Random random = new Random(20261202);
        int checked = 0;
        for (Line line : sheet()) {
            Instant at = LocalDate.parse(line.day()).atTime(12, 0).toInstant(ZoneOffset.UTC);
            for (int i = 0; i < 200; i++) {
                boolean near = line.threshold() != Long.MAX_VALUE && i % 2 == 0;
                TokenUsage usage = randomUsage(random, near ? line.threshold() : 50_000, line);
                assertThat(prices.quote(line.model(), at, usage).cost())
                        .as("%s %s %s %s", line.model(), line.day(), line.speed(), usage)
                        .isEqualByComparingTo(oracle(line, usage));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(sheet().size() * 200);
    }

    private static TokenUsage randomUsage(Random random, long around, Line line) {
        long input = random.nextLong(around / 2);
        long w5 = random.nextInt(4) == 0 ? 0 : random.nextLong(around / 4);
        long w1h = random.nextInt(3) == 0 ? 0 : random.nextLong(around / 4);
        long read = random.nextLong(around / 2);
        long output = random.nextLong(20_000);
        ServiceTier tier = switch (random.nextInt(4)) {
            case 0 -> "fast".equals(line.speed()) ? ServiceTier.STANDARD : ServiceTier.BATCH;
            case 1 -> ServiceTier.PRIORITY;
            default -> ServiceTier.STANDARD;
        };
        InferenceGeo geo = random.nextBoolean() ? InferenceGeo.US : InferenceGeo.GLOBAL;
        return new TokenUsage(
                input, output, w5 + w1h, read, w5, w1h, random.nextInt(3), tier, geo, line.speed(), List.of());
    }

    /** PRICING.md's rules, written apart from the app: tier x geo on token terms, $0.01 per web search. */
    static BigDecimal oracle(Line line, TokenUsage u) {
        long prompt = u.input() + u.cacheWrite5m() + u.cacheWrite1h() + u.cacheRead();
        boolean longPrompt = line.longPrompt() != null && prompt > line.threshold();
        String[] p = longPrompt
                ? line.longPrompt()
                : new String[] {line.in(), line.w5(), line.w1h(), line.read(), line.out()};
        BigDecimal tokens = new BigDecimal(u.input())
                .multiply(new BigDecimal(p[0]))
                .add(new BigDecimal(u.cacheWrite5m()).multiply(new BigDecimal(p[1])))
                .add(new BigDecimal(u.cacheWrite1h()).multiply(new BigDecimal(p[2])))
                .add(new BigDecimal(u.cacheRead()).multiply(new BigDecimal(p[3])))
                .add(new BigDecimal(u.output()).multiply(new BigDecimal(p[4])))
                .divide(new BigDecimal(1_000_000));
        if (u.serviceTier().equals(ServiceTier.BATCH)) {
            tokens = tokens.multiply(new BigDecimal("0.5"));
        }
        if (u.inferenceGeo() == InferenceGeo.US && line.geo() != null) {
            tokens = tokens.multiply(new BigDecimal(line.geo()));
        }
        return tokens.add(new BigDecimal("0.01").multiply(new BigDecimal(u.webSearchRequests())));
    }
}
