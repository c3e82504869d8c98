package org.jotrs.postmaster.web;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.jotrs.postmaster.AutoResponseAdministration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of auto responses and the queues that send them. */
@Controller
class AutoResponseAdminPages {

    private final AutoResponseAdministration admin;

    AutoResponseAdminPages(AutoResponseAdministration admin) {
        this.admin = admin;
    }

    @Bean
    static AdminSection autoResponsesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.auto-responses.title", "/admin/auto-responses",
                "admin.section.auto-responses.summary");
    }

    @GetMapping("/admin/auto-responses")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("responses", admin.autoResponses(agent.id()));
        return "postmaster/admin/autoresponses";
    }

    @GetMapping("/admin/auto-responses/new")
    String newResponse(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return form(agent, model, null, AutoResponseForm.empty(), java.util.Map.of());
    }

    @PostMapping("/admin/auto-responses/new")
    String create(@AuthenticationPrincipal SignedInAgent agent, AutoResponseForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            int id = admin.create(agent.id(), form.settings());
            redirect.addFlashAttribute("notice", Messages.t("postmaster.autoresponse.notice.saved"));
            return "redirect:/admin/auto-responses/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return form(agent, model, null, form, invalid.errors());
        }
    }

    @GetMapping("/admin/auto-responses/{id}")
    String edit(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return form(agent, model, id, AutoResponseForm.of(admin.autoResponse(agent.id(), id)), java.util.Map.of());
    }

    @PostMapping("/admin/auto-responses/{id}")
    String update(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, AutoResponseForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            admin.update(agent.id(), id, form.settings());
            redirect.addFlashAttribute("notice", Messages.t("postmaster.autoresponse.notice.saved"));
            return "redirect:/admin/auto-responses/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return form(agent, model, id, form, invalid.errors());
        }
    }

    private String form(SignedInAgent agent, Model model, Integer id, AutoResponseForm form, java.util.Map<String, String> errors) {
        model.addAttribute("responseId", id);
        model.addAttribute("form", form);
        model.addAttribute("options", admin.options(agent.id()));
        model.addAttribute("errors", errors);
        return "postmaster/admin/autoresponse";
    }
}
