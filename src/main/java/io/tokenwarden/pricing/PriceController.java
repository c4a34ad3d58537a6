package io.tokenwarden.pricing;

import io.tokenwarden.web.BoundedJson;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PriceController {

    private final PriceCatalog catalog;
    private final PriceChanges changes;
    private final BoundedJson bodies;

    PriceController(PriceCatalog catalog, PriceChanges changes, BoundedJson bodies) {
        this.catalog = catalog;
        this.changes = changes;
        this.bodies = bodies;
    }

    @GetMapping("/api/v1/prices")
    List<PriceVersionView> list() {
        CatalogSnapshot snapshot = catalog.current();
        return snapshot.versions().stream()
                .map(v -> PriceVersionView.of(v, snapshot.model(v.modelId()).orElse(null)))
                .toList();
    }

    @PostMapping("/api/v1/prices")
    ResponseEntity<PriceVersionView.Added> add(HttpServletRequest request, Principal user) {
        NewPriceVersion version = PriceRequestReader.read(bodies.read(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(changes.add(version, user.getName()));
    }
}
