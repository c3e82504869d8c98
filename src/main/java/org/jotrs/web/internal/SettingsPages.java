package org.jotrs.web.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.jotrs.platform.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/settings}: the runtime settings of every module, searchable, each changed or
 * reset in place. A refused value keeps the old one and says why (422); a setting changed by
 * someone else meanwhile is shown again with its new value (409).
 */
@Controller
class SettingsPages {

    private final Settings settings;

    SettingsPages(Settings settings) {
        this.settings = settings;
    }

    @Bean
    static AdminSection settingsSection() {
        return new AdminSection("admin.area.system", "admin.section.settings.title", "/admin/settings",
                "admin.section.settings.summary");
    }

    @GetMapping("/admin/settings")
    String list(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String q, Model model) {
        return page(agent, q, model, null, Map.of());
    }

    @PostMapping("/admin/settings/change")
    String change(@AuthenticationPrincipal SignedInAgent agent, @RequestParam String key,
            @RequestParam(defaultValue = "") String value, @RequestParam long version,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "change") String action, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if ("reset".equals(action)) {
                settings.reset(agent.id(), key, version);
                redirect.addFlashAttribute("notice", Messages.t("settings.reset-done", key));
            } else {
                settings.change(agent.id(), key, value, version);
                redirect.addFlashAttribute("notice", Messages.t("settings.saved", key));
            }
            redirect.addAttribute("q", q);
            return "redirect:/admin/settings";
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            return page(agent, q, model, key, Map.of(key, Messages.t("settings.not-changed", key,
                    invalid.errors().getOrDefault("value", invalid.getMessage())), "value", value));
        } catch (Settings.ChangedMeanwhile meanwhile) {
            response.setStatus(409);
            return page(agent, q, model, key, Map.of(key, Messages.t("settings.changed-meanwhile", key)));
        }
    }

    @PostMapping("/admin/settings/obsolete")
    String removeObsolete(@AuthenticationPrincipal SignedInAgent agent, @RequestParam String key,
            RedirectAttributes redirect) {
        settings.removeObsolete(agent.id(), key);
        redirect.addFlashAttribute("notice", Messages.t("settings.removed", key));
        return "redirect:/admin/settings";
    }

    private String page(SignedInAgent agent, String q, Model model, String failedKey, Map<String, String> failure) {
        model.addAttribute("states", settings.list(agent.id(), q));
        model.addAttribute("obsolete", settings.obsolete(agent.id()));
        model.addAttribute("q", q);
        model.addAttribute("failedKey", failedKey);
        model.addAttribute("failure", failure);
        return "web/system_settings";
    }
}
