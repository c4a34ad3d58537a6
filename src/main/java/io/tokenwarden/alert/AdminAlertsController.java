package io.tokenwarden.alert;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FormJson;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the alert channels with their last deliveries, and forms to add, test and delete one (the API's rules). */
@Controller
class AdminAlertsController {

    private final AlertController api;

    AdminAlertsController(AlertController api) {
        this.api = api;
    }

    @GetMapping("/admin/alerts")
    String channels(Model model) {
        model.addAttribute(
                "channels",
                api.channels().stream()
                        .map(c -> Map.of("channel", c, "deliveries", api.deliveries(c.name())))
                        .toList());
        return "admin/alerts";
    }

    @PostMapping("/admin/alerts")
    String add(@RequestParam Map<String, String> form, Principal user, RedirectAttributes redirect) {
        try {
            Map<String, String> fields = new java.util.HashMap<>(form);
            fields.remove("_csrf");
            fields.values().removeIf(String::isBlank);
            String useCases = fields.remove("use_cases");
            String teams = fields.remove("teams");
            tools.jackson.databind.node.ObjectNode json = FormJson.of(fields, Set.of());
            list(json, "use_cases", useCases);
            list(json, "teams", teams);
            Channel channel = ChannelReader.read(json);
            api.add(channel, user.getName());
            redirect.addFlashAttribute("message", "Channel " + channel.name() + " added.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.summary());
        }
        return "redirect:/admin/alerts";
    }

    /** "a, b" as ["a", "b"]. */
    private static void list(tools.jackson.databind.node.ObjectNode json, String field, String commaSeparated) {
        if (commaSeparated != null) {
            var array = json.putArray(field);
            for (String name : commaSeparated.split(",")) {
                if (!name.isBlank()) {
                    array.add(name.trim());
                }
            }
        }
    }

    @PostMapping("/admin/alerts/{name}/test")
    String test(@PathVariable String name, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                "Test message queued for " + name + ": delivery "
                        + api.test(name).getBody().get("delivery_id") + ".");
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/{name}/delete")
    String delete(@PathVariable String name, Principal user, RedirectAttributes redirect) {
        api.delete(name, user);
        redirect.addFlashAttribute("message", "Channel " + name + " deleted.");
        return "redirect:/admin/alerts";
    }
}
