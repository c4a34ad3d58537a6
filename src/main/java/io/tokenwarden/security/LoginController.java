package io.tokenwarden.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: the local form and, when a provider is configured, the single sign-on button. */
@Controller
class LoginController {

    private final OidcProperties oidc;
    private final AccessSettings access;

    LoginController(OidcProperties oidc, AccessSettings access) {
        this.oidc = oidc;
        this.access = access;
    }

    @GetMapping("/login")
    String login(Model model, HttpSession session) {
        model.addAttribute("sso", oidc.enabled() ? oidc.name() : null);
        model.addAttribute("localLogin", access.localLogin());
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException failed) {
            model.addAttribute("failure", failed.getMessage());
        }
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/dashboard";
    }
}
