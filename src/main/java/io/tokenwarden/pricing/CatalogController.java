package io.tokenwarden.pricing;

import io.tokenwarden.web.BoundedJson;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog file over HTTP. An admin posts a newer copy of the file (YAML, any content type) to
 * {@code /api/v1/catalog/preview} to see what it would change, then to {@code /api/v1/catalog} to apply it.
 */
@RestController
class CatalogController {

    private final PriceCatalog catalog;
    private final CatalogSync sync;
    private final BoundedJson bodies;

    CatalogController(PriceCatalog catalog, CatalogSync sync, BoundedJson bodies) {
        this.catalog = catalog;
        this.sync = sync;
        this.bodies = bodies;
    }

    /** The models (with tier, life dates, aliases and source) and the service-tier rules in force. */
    @GetMapping("/api/v1/catalog")
    Map<String, Object> current() {
        CatalogSnapshot snapshot = catalog.current();
        List<ModelView> models = snapshot.models().stream()
                .map(m -> ModelView.of(m, snapshot.aliases()))
                .toList();
        return Map.of("models", models, "service_tiers", snapshot.tierRules());
    }

    @PostMapping("/api/v1/catalog/preview")
    CatalogChange preview(HttpServletRequest request, Principal user) {
        return sync.preview(CatalogFileReader.read(bodies.readBytes(request)), user.getName());
    }

    @PostMapping("/api/v1/catalog")
    CatalogChange apply(HttpServletRequest request, Principal user) {
        return sync.apply(CatalogFileReader.read(bodies.readBytes(request)), user.getName());
    }
}
