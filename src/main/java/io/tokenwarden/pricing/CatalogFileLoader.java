package io.tokenwarden.pricing;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Applies the catalog file at every start, before the demo data: idempotent, so a restart with the same file
 * changes nothing, and a release with a newer file adds its rows and re-prices what they govern.
 * {@code tokenwarden.catalog.file} (TOKENWARDEN_CATALOG_FILE) points at another copy, e.g. {@code file:/etc/...}.
 */
@Component
@Order(0)
class CatalogFileLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogFileLoader.class);
    static final String ACTOR = "catalog-file";

    private final CatalogSync sync;
    private final ResourceLoader resources;
    private final String location;

    CatalogFileLoader(CatalogSync sync, ResourceLoader resources, CatalogProperties properties) {
        this.sync = sync;
        this.resources = resources;
        this.location = properties.file();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource resource = resources.getResource(location);
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
            content = in.readAllBytes();
        }
        CatalogFile file = CatalogFileReader.read(content);
        CatalogChange change = sync.apply(file, ACTOR);
        if (!change.changesAnything()) {
            log.info("Catalog {} from {}: already applied", file.version(), location);
        }
    }
}
