package io.tokenwarden.pricing;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FormJson;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the price catalog, and a form to add a version (the same rules as POST /api/v1/prices). */
@Controller
class AdminPricesController {

    private final PriceCatalog catalog;
    private final PriceChanges changes;

    AdminPricesController(PriceCatalog catalog, PriceChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
    }

    @GetMapping("/admin/prices")
    String prices(Model model) {
        CatalogSnapshot snapshot = catalog.current();
        model.addAttribute("versions", snapshot.versions().stream()
                .map(v -> PriceVersionView.of(v, snapshot.model(v.modelId()).orElse(null))).toList());
        return "admin/prices";
    }

    @PostMapping("/admin/prices")
    String add(@RequestParam Map<String, String> form, Principal user, RedirectAttributes redirect) {
        try {
            NewPriceVersion version = PriceRequestReader.read(FormJson.of(form,
                    Set.of("long_context_threshold", "min_cacheable_tokens")));
            PriceVersionView.Added added = changes.add(version, user.getName());
            redirect.addFlashAttribute("message", "Price version added for " + added.priceVersion().model() + "; "
                    + added.repricedEvents() + " events re-priced.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.summary());
        }
        return "redirect:/admin/prices";
    }
}
