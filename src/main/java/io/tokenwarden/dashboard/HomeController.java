package io.tokenwarden.dashboard;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page; the finance dashboard replaces it once the reports exist. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Principal user, Model model) {
        model.addAttribute("username", user.getName());
        return "home";
    }
}
