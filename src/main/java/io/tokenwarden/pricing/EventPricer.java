package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PRICING.md's general form: per token term, the price in force for (model, day, speed, long-prompt tier),
 * times the tier and geo factors, summed over the iterations, plus per-request tool fees. Whatever the catalog
 * cannot price (a model, speed or service tier without a price in force) makes the whole event unpriced, with
 * the reason: never a partial sum, never a guess at standard.
 */
final class EventPricer {

    private final CatalogSnapshot catalog;

    EventPricer(CatalogSnapshot catalog) {
        this.catalog = catalog;
    }

    /** The quote and, when priced, its cost by token type (the parts add up to the cost exactly). */
    record Priced(Quote quote, Map<TokenType, BigDecimal> breakdown) {}

    Priced price(CatalogModel model, Instant at, TokenUsage usage) {
        Optional<TierRule> rule = catalog.tierRule(usage.serviceTier().wireName());
        if (rule.isEmpty()) {
            return unpriced(
                    model,
                    "no price for service_tier=" + usage.serviceTier().wireName() + " on " + model.id() + " on "
                            + day(at));
        }
        if (rule.get().batch() && !TokenUsage.STANDARD_SPEED.equals(usage.speed())) {
            return unpriced(
                    model,
                    "no price for speed=" + usage.speed() + " with service_tier="
                            + usage.serviceTier().wireName() + " on " + model.id() + " (fast mode is never batched)");
        }
        Optional<PriceVersion> main = catalog.versionAt(model.id(), usage.speed(), at);
        if (main.isEmpty()) {
            return unpriced(model, noPrice(model.id(), usage.speed(), at));
        }
        Map<TokenType, BigDecimal> sum = new EnumMap<>(TokenType.class);
        for (Part part : parts(model, usage)) {
            Optional<CatalogModel> partModel = part.model();
            if (partModel.isEmpty()) {
                return unpriced(model, "unknown model " + part.rawModel() + " in usage.iterations");
            }
            String speed = partModel.get().id().equals(model.id()) ? usage.speed() : TokenUsage.STANDARD_SPEED;
            Optional<PriceVersion> version = catalog.versionAt(partModel.get().id(), speed, at);
            if (version.isEmpty()) {
                return unpriced(model, noPrice(partModel.get().id(), speed, at));
            }
            CostCalculator.tokenTerms(
                            partModel.get(),
                            version.get(),
                            part.usage(),
                            rule.get().batch())
                    .forEach((type, cost) -> sum.merge(type, cost, BigDecimal::add));
        }
        sum.put(TokenType.WEB_SEARCH, CostCalculator.webSearchFee(main.get(), usage.webSearchRequests()));
        BigDecimal cost = sum.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Priced(new Quote(model.id(), main.get().id(), cost, null), sum);
    }

    private static String noPrice(String modelId, String speed, Instant at) {
        String what = TokenUsage.STANDARD_SPEED.equals(speed) ? "" : "speed=" + speed + " on ";
        return "no price for " + what + modelId + " on " + day(at);
    }

    /** The UTC day of a reason: formatted only when an event is left unpriced, never on the priced path. */
    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static Priced unpriced(CatalogModel model, String reason) {
        return new Priced(Quote.unpriced(model.id(), reason), Map.of());
    }

    /** A part to price: the whole request, or one iteration at its own model. */
    private record Part(String rawModel, Optional<CatalogModel> model, TokenUsage usage) {}

    private List<Part> parts(CatalogModel model, TokenUsage usage) {
        if (usage.iterations().isEmpty()) {
            return List.of(new Part(model.id(), Optional.of(model), usage));
        }
        return usage.iterations().stream()
                .map(it -> it.model() == null
                        ? new Part(model.id(), Optional.of(model), usage.part(it))
                        : new Part(it.model(), catalog.resolve(it.model()), usage.part(it)))
                .toList();
    }
}
