package io.tokenwarden.security;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.Vocabulary;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages for apps, keys and users. A new key is shown once, on the page that follows its creation. */
@Controller
class AdminPagesController {

    private final AppKeys appKeys;
    private final UserAccounts users;
    private final AccessSettings access;

    AdminPagesController(AppKeys appKeys, UserAccounts users, AccessSettings access) {
        this.appKeys = appKeys;
        this.users = users;
        this.access = access;
    }

    /** Turns local password sign-in or HTTP Basic on or off (audited). */
    @PostMapping("/admin/access")
    String access(
            @RequestParam(name = "local_login", required = false) String localLogin,
            @RequestParam(name = "http_basic", required = false) String httpBasic,
            Principal user,
            RedirectAttributes redirect) {
        access.set("local_login", localLogin != null, user.getName());
        access.set("http_basic", httpBasic != null, user.getName());
        redirect.addFlashAttribute("message", "Sign-in settings saved.");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/apps")
    String apps(Model model) {
        model.addAttribute("apps", appKeys.list());
        return "admin/apps";
    }

    @PostMapping("/admin/apps")
    String createApp(@RequestParam String name, Principal user, RedirectAttributes redirect) {
        if (!Vocabulary.NAME.matcher(name).matches()) {
            redirect.addFlashAttribute(
                    "error", "App names are 1-64 characters of a-z 0-9 _ . - starting with a letter or digit.");
            return "redirect:/admin/apps";
        }
        return issued(() -> appKeys.createApp(name, user.getName()), redirect);
    }

    @PostMapping("/admin/apps/{app}/keys")
    String rotate(@PathVariable String app, Principal user, RedirectAttributes redirect) {
        return issued(() -> appKeys.addKey(app, user.getName()), redirect);
    }

    @PostMapping("/admin/apps/{app}/keys/{keyId}/revoke")
    String revoke(@PathVariable String app, @PathVariable String keyId, Principal user, RedirectAttributes redirect) {
        appKeys.revoke(app, keyId, user.getName());
        redirect.addFlashAttribute("message", "Key " + keyId + " of " + app + " is revoked.");
        return "redirect:/admin/apps";
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("localLogin", access.localLogin());
        model.addAttribute("httpBasic", access.httpBasic());
        return "admin/users";
    }

    /** An admin sets a user's teams (comma-separated); used when engineers see their own teams' use cases only. */
    @PostMapping("/admin/users/{username}/teams")
    String teams(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String teams,
            Principal user,
            RedirectAttributes redirect) {
        java.util.List<String> names = java.util.Arrays.stream(teams.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        if (names.stream().anyMatch(t -> t.length() > 64)) {
            redirect.addFlashAttribute("error", "A team name has at most 64 characters.");
            return "redirect:/admin/users";
        }
        try {
            users.setTeams(username, names, user.getName());
            redirect.addFlashAttribute("message", "Teams of " + username + ": " + String.join(", ", names) + ".");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.summary());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users")
    String createUser(
            @RequestParam String username,
            @RequestParam String password,
            @RequestParam Role role,
            Principal user,
            RedirectAttributes redirect) {
        if (!Vocabulary.NAME.matcher(username).matches() || password.length() < 8) {
            redirect.addFlashAttribute("error", "User names are like app names; passwords have at least 8 characters.");
            return "redirect:/admin/users";
        }
        try {
            users.create(username, password, role, user.getName());
            redirect.addFlashAttribute("message", "User " + username + " (" + role + ") created.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    private static String issued(java.util.function.Supplier<IssuedKey> issue, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issuedKey", issue.get());
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/apps";
    }
}
