package io.tokenwarden.recommend;

import io.tokenwarden.pricing.CatalogModel;
import io.tokenwarden.pricing.PriceCatalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rules-based classifier of the article as a table an app can load: task type, the tier it
 * needs, and the catalog's routing target for that tier.
 */
@Component
public class RoutingPolicy {

    private final PriceCatalog catalog;

    RoutingPolicy(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    public record Rule(String taskType, String tier, String model) {}

    public List<Rule> rules() {
        Map<String, String> targets = catalog.current().routingTargets().stream()
                .collect(Collectors.toMap(CatalogModel::tier, CatalogModel::id, (a, b) -> a));
        return TaskTiers.TIER_OF_TASK.entrySet().stream()
                .map(e -> new Rule(e.getKey(), e.getValue(), targets.get(e.getValue())))
                .toList();
    }
}
