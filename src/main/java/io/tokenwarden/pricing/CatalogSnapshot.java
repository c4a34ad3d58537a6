package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable copy of the whole catalog (versions in force only) at one revision; prices any number of events. */
public final class CatalogSnapshot {

    private final long revision;
    private final Map<String, CatalogModel> models;
    private final Map<String, String> aliases;
    private final Map<String, List<PriceVersion>> versionsByModelAndSpeed;
    private final Map<String, TierRule> tierRules;
    private final EventPricer pricer = new EventPricer(this);

    CatalogSnapshot(
            long revision,
            List<CatalogModel> models,
            Map<String, String> aliases,
            List<PriceVersion> versions,
            List<TierRule> tierRules) {
        this.revision = revision;
        this.models = models.stream().collect(Collectors.toUnmodifiableMap(CatalogModel::id, m -> m));
        this.aliases = Map.copyOf(aliases);
        this.versionsByModelAndSpeed = versions.stream()
                .sorted(Comparator.comparing(PriceVersion::effectiveFrom))
                .collect(Collectors.groupingBy(v -> key(v.modelId(), v.speed()), Collectors.toUnmodifiableList()));
        this.tierRules = tierRules.stream().collect(Collectors.toUnmodifiableMap(TierRule::tier, Function.identity()));
    }

    private static String key(String modelId, String speed) {
        return modelId + "\u0000" + speed;
    }

    long revision() {
        return revision;
    }

    /** The catalog model an id, alias, Bedrock or Vertex name stands for. */
    public Optional<CatalogModel> resolve(String rawModel) {
        return lookup(rawModel.trim()).or(() -> lookup(ModelNames.normalize(rawModel)));
    }

    private Optional<CatalogModel> lookup(String name) {
        CatalogModel model = models.get(name);
        if (model == null && aliases.containsKey(name)) {
            model = models.get(aliases.get(name));
        }
        return Optional.ofNullable(model);
    }

    /** The standard-speed version in force at {@code at}; empty when none is, or the one in force is withdrawn. */
    public Optional<PriceVersion> versionAt(String modelId, Instant at) {
        return versionAt(modelId, TokenUsage.STANDARD_SPEED, at);
    }

    public Optional<PriceVersion> versionAt(String modelId, String speed, Instant at) {
        PriceVersion inForce = null;
        for (PriceVersion version : versionsByModelAndSpeed.getOrDefault(key(modelId, speed), List.of())) {
            if (version.effectiveFrom().isAfter(at)) {
                break;
            }
            inForce = version;
        }
        return Optional.ofNullable(inForce).filter(v -> !v.withdrawn());
    }

    Optional<TierRule> tierRule(String tier) {
        return Optional.ofNullable(tierRules.get(tier));
    }

    public List<TierRule> tierRules() {
        return tierRules.values().stream()
                .sorted(Comparator.comparing(TierRule::tier))
                .toList();
    }

    /** The version that follows {@code version} for the same model and speed, if any. */
    Optional<PriceVersion> successorOf(PriceVersion version) {
        return versionsByModelAndSpeed.getOrDefault(key(version.modelId(), version.speed()), List.of()).stream()
                .filter(other -> other.effectiveFrom().isAfter(version.effectiveFrom()))
                .findFirst();
    }

    public Quote quote(String rawModel, Instant occurredAt, TokenUsage usage) {
        return resolve(rawModel)
                .map(model -> quote(model, occurredAt, usage))
                .orElseGet(() -> Quote.unpriced(null, "unknown model " + rawModel));
    }

    public Quote quote(CatalogModel model, Instant occurredAt, TokenUsage usage) {
        return pricer.price(model, occurredAt, usage).quote();
    }

    /** The cost of an event by token type (empty when unpriced); the parts add up to its cost exactly. */
    public Map<TokenType, BigDecimal> breakdown(String rawModel, Instant occurredAt, TokenUsage usage) {
        return resolve(rawModel)
                .map(model -> pricer.price(model, occurredAt, usage).breakdown())
                .orElse(Map.of());
    }

    public List<PriceVersion> versions() {
        return versionsByModelAndSpeed.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(PriceVersion::modelId)
                        .thenComparing(PriceVersion::speed)
                        .thenComparing(PriceVersion::effectiveFrom))
                .toList();
    }

    /** The model each tier routes to, one per tier at most. */
    public List<CatalogModel> routingTargets() {
        return models.values().stream()
                .filter(CatalogModel::routingTarget)
                .sorted(Comparator.comparing(CatalogModel::id))
                .toList();
    }

    /** The routing target of the tier below {@code rawModel}'s; empty for the cheapest tier or a model without one. */
    public Optional<CatalogModel> routingTargetBelow(String rawModel) {
        int tier =
                resolve(rawModel).map(m -> CatalogModel.TIERS.indexOf(m.tier())).orElse(-1);
        if (tier <= 0) {
            return Optional.empty();
        }
        String below = CatalogModel.TIERS.get(tier - 1);
        return routingTargets().stream().filter(m -> below.equals(m.tier())).findFirst();
    }

    public Optional<CatalogModel> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public List<CatalogModel> models() {
        return models.values().stream()
                .sorted(Comparator.comparing(CatalogModel::id))
                .toList();
    }

    public Map<String, String> aliases() {
        return aliases;
    }
}
