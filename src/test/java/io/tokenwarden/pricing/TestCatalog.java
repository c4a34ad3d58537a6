package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** DESIGN.md's prices for the models detector tests use, built in memory (no database). */
public final class TestCatalog {

    private TestCatalog() {}

    public static CatalogSnapshot designPrices() {
        List<CatalogModel> models = List.of(
                new CatalogModel("claude-opus-4-6", "opus", 4096, new BigDecimal("1.1"), true),
                new CatalogModel("claude-opus-4-1-20250805", "opus", 1024, null, false),
                new CatalogModel("claude-sonnet-4-6", "sonnet", 1024, new BigDecimal("1.1"), true),
                new CatalogModel("claude-haiku-4-5-20251001", "haiku", 4096, null, true));
        List<PriceVersion> versions = List.of(
                version(1, "claude-opus-4-6", "5", "6.25", "10", "0.50", "25"),
                version(2, "claude-opus-4-1-20250805", "15", "18.75", "30", "1.50", "75"),
                version(3, "claude-sonnet-4-6", "3", "3.75", "6", "0.30", "15"),
                version(4, "claude-haiku-4-5-20251001", "1", "1.25", "2", "0.10", "5"));
        return new CatalogSnapshot(1, models, Map.of("claude-haiku-4-5", "claude-haiku-4-5-20251001"), versions, TIERS);
    }

    /**
     * A slice of December 2026 (PRICING.md): Sonnet 4.5 retired on 2026-11-30, Haiku 4.5 current but dearer than
     * Haiku 5.5; the routing targets are Haiku 5.5, Sonnet 5.5 and Opus 5.5.
     */
    public static CatalogSnapshot december2026() {
        List<CatalogModel> models = List.of(
                model("claude-opus-5-5", "opus", true, null),
                model("claude-opus-4-6", "opus", false, null),
                model("claude-sonnet-5-5", "sonnet", true, null),
                model("claude-sonnet-4-5-20250929", "sonnet", false, java.time.LocalDate.parse("2026-11-30")),
                model("claude-haiku-5-5", "haiku", true, null),
                model("claude-haiku-4-5-20251001", "haiku", false, null));
        List<PriceVersion> versions = List.of(
                version(1, "claude-opus-5-5", "4", "5", "8", "0.20", "20"),
                version(2, "claude-opus-4-6", "5", "6.25", "10", "0.50", "25"),
                version(3, "claude-sonnet-5-5", "2", "2.50", "4", "0.10", "10"),
                version(4, "claude-sonnet-4-5-20250929", "3", "3.75", "6", "0.30", "15"),
                version(5, "claude-haiku-5-5", "0.10", "0.125", "0.20", "0.01", "0.50"),
                version(6, "claude-haiku-4-5-20251001", "1", "1.25", "2", "0.10", "5"));
        return new CatalogSnapshot(
                1, models, Map.of("claude-sonnet-4-5", "claude-sonnet-4-5-20250929"), versions, TIERS);
    }

    private static CatalogModel model(String id, String tier, boolean target, java.time.LocalDate retired) {
        return new CatalogModel(id, tier, 1024, null, target, null, null, retired, null);
    }

    /** The catalog file's service-tier rules. */
    static final List<TierRule> TIERS = List.of(
            new TierRule("standard", "standard", null, null),
            new TierRule("batch", "batch", null, null),
            new TierRule("priority", "standard", null, null));

    /** A catalog of one model with one version. */
    static CatalogSnapshot of(CatalogModel model, PriceVersion version) {
        return new CatalogSnapshot(1, List.of(model), Map.of(), List.of(version), TIERS);
    }

    /** The cost of {@code usage} on the one model of {@link #of}, at any time after the version took effect. */
    static BigDecimal cost(CatalogModel model, PriceVersion version, TokenUsage usage) {
        return of(model, version)
                .quote(model, Instant.parse("2026-01-01T00:00:00Z"), usage)
                .cost();
    }

    private static PriceVersion version(
            long id, String model, String in, String w5, String w1h, String read, String out) {
        return new PriceVersion(
                id,
                model,
                Instant.parse("2023-01-01T00:00:00Z"),
                new Rates(
                        new BigDecimal(in),
                        new BigDecimal(w5),
                        new BigDecimal(w1h),
                        new BigDecimal(read),
                        new BigDecimal(out)),
                null,
                null,
                new BigDecimal("0.5"),
                new BigDecimal("0.01"));
    }
}
