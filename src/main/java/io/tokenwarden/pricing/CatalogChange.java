package io.tokenwarden.pricing;

import java.util.List;

/**
 * What applying a catalog file changes (or, for a preview, would change): models, aliases, service-tier rules and
 * price versions added or changed, and the events re-priced with their dollar change. Money is exact decimal
 * strings, as everywhere in the API.
 */
public record CatalogChange(
        String version,
        boolean applied,
        List<String> modelsAdded,
        List<String> modelsChanged,
        List<String> aliasesAdded,
        List<String> tierRulesChanged,
        List<String> versionsAdded,
        List<String> versionsSuperseded,
        long repricedEvents,
        String costBeforeUsd,
        String costAfterUsd,
        String changeUsd,
        long newlyPricedEvents,
        long newlyUnpricedEvents) {

    public boolean changesAnything() {
        return !modelsAdded.isEmpty()
                || !modelsChanged.isEmpty()
                || !aliasesAdded.isEmpty()
                || !tierRulesChanged.isEmpty()
                || !versionsAdded.isEmpty()
                || !versionsSuperseded.isEmpty();
    }
}
