package io.tokenwarden.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** ADMIN: who changed prices, apps and keys, users and use-case settings, and when. */
@Controller
class AuditPageController {

    private static final int SHOWN = 500;

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.latest(SHOWN));
        return "admin/audit";
    }
}
