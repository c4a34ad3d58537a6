package io.tokenwarden.pricing;

import java.util.List;

/**
 * A catalog file as read and checked: every model with its aliases and price rows, and the service-tier rules.
 * Each row's {@code source} holds the source's text (a URL), resolved from the file's {@code sources} keys.
 */
record CatalogFile(String version, String sha256, List<TierRule> tierRules, List<FileModel> models) {

    record FileModel(CatalogModel model, List<String> aliases, List<PriceVersion> prices) {}
}
