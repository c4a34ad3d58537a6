package io.tokenwarden.usecase;

import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.FormJson;
import io.tokenwarden.web.JsonFields;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: every use case's settings, editable (the same rules as PUT /api/v1/use-cases/{use_case}). */
@Controller
class AdminUseCasesController {

    private final UseCases useCases;

    AdminUseCasesController(UseCases useCases) {
        this.useCases = useCases;
    }

    @GetMapping("/admin/use-cases")
    String list(Model model) {
        model.addAttribute(
                "useCases", useCases.all().stream().map(UseCaseView::of).toList());
        return "admin/use-cases";
    }

    @PostMapping("/admin/use-cases/{useCase}")
    String save(
            @PathVariable String useCase,
            @RequestParam Map<String, String> form,
            Principal user,
            RedirectAttributes redirect) {
        List<FieldError> errors = new ArrayList<>();
        var json = FormJson.of(form, Set.of());
        json.put("cache_diagnostics", "true".equals(form.get("cache_diagnostics"))); // an unticked box sends nothing
        UseCaseSettings settings = JsonFields.object(json, "", errors)
                .map(f -> UseCaseController.read(useCase, f))
                .orElse(null);
        if (errors.isEmpty()) {
            useCases.put(settings, user.getName());
            redirect.addFlashAttribute("message", "Settings of " + useCase + " saved.");
        } else {
            redirect.addFlashAttribute(
                    "error",
                    errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        }
        return "redirect:/admin/use-cases";
    }
}
