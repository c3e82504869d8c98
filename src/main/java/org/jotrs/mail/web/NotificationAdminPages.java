package org.jotrs.mail.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.mail.NotificationAdministration;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of OTRS's ticket notifications: the list, a new one, editing one (validity included). */
@Controller
class NotificationAdminPages {

    private final NotificationAdministration admin;

    NotificationAdminPages(NotificationAdministration admin) {
        this.admin = admin;
    }

    @Bean
    static AdminSection notificationsSection() {
        return new AdminSection("admin.area.tickets", "mail.notifications.title", "/admin/notifications",
                "mail.notifications.summary");
    }

    @GetMapping("/admin/notifications")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("notifications", admin.notifications(agent.id()));
        return "mail/admin/notifications";
    }

    @GetMapping("/admin/notifications/new")
    String newNotification(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return form(agent, model, null, NotificationForm.empty(), Map.of());
    }

    @PostMapping("/admin/notifications/new")
    String create(@AuthenticationPrincipal SignedInAgent agent, NotificationForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            int id = admin.create(agent.id(), form.settings());
            redirect.addFlashAttribute("notice", Messages.t("mail.notification.saved"));
            return "redirect:/admin/notifications/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return form(agent, model, null, form, invalid.errors());
        }
    }

    @GetMapping("/admin/notifications/{id}")
    String edit(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return form(agent, model, id, NotificationForm.of(admin.notification(agent.id(), id)), Map.of());
    }

    @PostMapping("/admin/notifications/{id}")
    String update(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, NotificationForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            admin.update(agent.id(), id, form.settings());
            redirect.addFlashAttribute("notice", Messages.t("mail.notification.saved"));
            return "redirect:/admin/notifications/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return form(agent, model, id, form, invalid.errors());
        }
    }

    private String form(SignedInAgent agent, Model model, Integer id, NotificationForm form, Map<String, String> errors) {
        model.addAttribute("notificationId", id);
        model.addAttribute("form", form);
        model.addAttribute("options", admin.options(agent.id()));
        model.addAttribute("errors", errors);
        return "mail/admin/notification";
    }
}
