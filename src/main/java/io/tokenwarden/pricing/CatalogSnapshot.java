package io.tokenwarden.pricing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An immutable copy of the whole catalog at one revision; prices any number of events. */
public final class CatalogSnapshot {

    private final long revision;
    private final Map<String, CatalogModel> models;
    private final Map<String, String> aliases;
    private final Map<String, List<PriceVersion>> versionsByModel;

    CatalogSnapshot(long revision, List<CatalogModel> models, Map<String, String> aliases,
                    List<PriceVersion> versions) {
        this.revision = revision;
        this.models = models.stream().collect(Collectors.toUnmodifiableMap(CatalogModel::id, m -> m));
        this.aliases = Map.copyOf(aliases);
        this.versionsByModel = versions.stream()
                .sorted(Comparator.comparing(PriceVersion::effectiveFrom))
                .collect(Collectors.groupingBy(PriceVersion::modelId, Collectors.toUnmodifiableList()));
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

    public Optional<PriceVersion> versionAt(String modelId, Instant at) {
        PriceVersion inForce = null;
        for (PriceVersion version : versionsByModel.getOrDefault(modelId, List.of())) {
            if (version.effectiveFrom().isAfter(at)) {
                break;
            }
            inForce = version;
        }
        return Optional.ofNullable(inForce);
    }

    /** The version that follows {@code version} for the same model, if any. */
    Optional<PriceVersion> successorOf(PriceVersion version) {
        return versionsByModel.getOrDefault(version.modelId(), List.of()).stream()
                .filter(other -> other.effectiveFrom().isAfter(version.effectiveFrom()))
                .findFirst();
    }

    public Quote quote(String rawModel, Instant occurredAt, TokenUsage usage) {
        return resolve(rawModel).map(model -> quote(model, occurredAt, usage)).orElse(new Quote(null, null, null));
    }

    public Quote quote(CatalogModel model, Instant occurredAt, TokenUsage usage) {
        return versionAt(model.id(), occurredAt)
                .map(version -> new Quote(model.id(), version.id(), CostCalculator.cost(model, version, usage)))
                .orElseGet(() -> new Quote(model.id(), null, null));
    }

    /** The cost of an event by token type (empty when unpriced); the parts add up to its cost exactly. */
    public java.util.Map<TokenType, java.math.BigDecimal> breakdown(String rawModel, Instant occurredAt, TokenUsage usage) {
        return resolve(rawModel).flatMap(model -> versionAt(model.id(), occurredAt)
                        .map(version -> CostCalculator.breakdown(model, version, usage)))
                .orElse(java.util.Map.of());
    }

    public List<PriceVersion> versions() {
        return versionsByModel.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(PriceVersion::modelId).thenComparing(PriceVersion::effectiveFrom))
                .toList();
    }

    /** The model each tier routes to, one per tier at most. */
    public List<CatalogModel> routingTargets() {
        return models.values().stream().filter(CatalogModel::routingTarget)
                .sorted(Comparator.comparing(CatalogModel::id)).toList();
    }

    public Optional<CatalogModel> model(String id) {
        return Optional.ofNullable(models.get(id));
    }
}
