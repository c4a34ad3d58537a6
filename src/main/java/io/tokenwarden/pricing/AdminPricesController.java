package io.tokenwarden.pricing;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FormJson;
import java.io.IOException;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the price catalog, and a form to add a version (the same rules as POST /api/v1/prices). */
@Controller
class AdminPricesController {

    private final PriceCatalog catalog;
    private final PriceChanges changes;
    private final CatalogSync sync;

    AdminPricesController(PriceCatalog catalog, PriceChanges changes, CatalogSync sync) {
        this.catalog = catalog;
        this.changes = changes;
        this.sync = sync;
    }

    @GetMapping("/admin/prices")
    String prices(Model model) {
        CatalogSnapshot snapshot = catalog.current();
        model.addAttribute(
                "versions",
                snapshot.versions().stream()
                        .map(v -> PriceVersionView.of(
                                v, snapshot.model(v.modelId()).orElse(null)))
                        .toList());
        return "admin/prices";
    }

    /** Shows what an uploaded catalog file would change; the page then offers to apply that same file. */
    @PostMapping("/admin/prices/catalog/preview")
    String preview(@RequestParam("file") MultipartFile file, Principal user, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            byte[] content = file.getBytes();
            model.addAttribute("preview", sync.preview(CatalogFileReader.read(content), user.getName()));
            model.addAttribute("previewContent", Base64.getEncoder().encodeToString(content));
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", "The catalog file was not applied: " + e.summary());
            return "redirect:/admin/prices";
        }
        return prices(model);
    }

    @PostMapping("/admin/prices/catalog/apply")
    String apply(@RequestParam("content") String content, Principal user, RedirectAttributes redirect) {
        try {
            CatalogChange change =
                    sync.apply(CatalogFileReader.read(Base64.getDecoder().decode(content)), user.getName());
            redirect.addFlashAttribute(
                    "message",
                    "Catalog " + change.version() + " applied: "
                            + change.versionsAdded().size() + " price versions added, " + change.repricedEvents()
                            + " events re-priced (change $" + change.changeUsd() + ").");
        } catch (ApiException | IllegalArgumentException e) {
            redirect.addFlashAttribute(
                    "error",
                    "The catalog file was not applied: "
                            + (e instanceof ApiException api
                                    ? api.summary()
                                    : "the upload was damaged; upload it again"));
        }
        return "redirect:/admin/prices";
    }

    @PostMapping("/admin/prices")
    String add(@RequestParam Map<String, String> form, Principal user, RedirectAttributes redirect) {
        try {
            NewPriceVersion version = PriceRequestReader.read(
                    FormJson.of(form, Set.of("long_context_threshold", "min_cacheable_tokens")));
            PriceVersionView.Added added = changes.add(version, user.getName());
            redirect.addFlashAttribute(
                    "message",
                    "Price version added for " + added.priceVersion().model() + "; " + added.repricedEvents()
                            + " events re-priced.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.summary());
        }
        return "redirect:/admin/prices";
    }
}
