package io.tokenwarden.pricing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tokenwarden.catalog.file}: the catalog read at start (a Spring resource location; the bundled one by default). */
@ConfigurationProperties("tokenwarden.catalog")
record CatalogProperties(String file) {

    CatalogProperties {
        file = file == null || file.isBlank() ? "classpath:catalog/claude-catalog.yaml" : file;
    }
}
