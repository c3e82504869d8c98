package org.jotrs.mail.web;

import org.jotrs.access.SignedInAgent;
import org.jotrs.mail.MailOutbox;
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

/** The outbox screen: what waits to be sent, what failed and why; send again or remove. */
@Controller
class OutboxAdminPages {

    private final MailOutbox outbox;

    OutboxAdminPages(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Bean
    static AdminSection outboxSection() {
        return new AdminSection("admin.area.system", "admin.section.outbox.title", "/admin/outbox",
                "admin.section.outbox.summary");
    }

    @GetMapping("/admin/outbox")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("entries", outbox.entries(agent.id(), 500));
        model.addAttribute("counts", outbox.counts(agent.id()));
        return "mail/admin/outbox";
    }

    @PostMapping("/admin/outbox/{id}/send-again")
    String sendAgain(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        outbox.sendAgain(agent.id(), id);
        redirect.addFlashAttribute("notice", Messages.t("mail.outbox.notice.queued-again", id));
        return "redirect:/admin/outbox";
    }

    @PostMapping("/admin/outbox/{id}/remove")
    String remove(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        try {
            outbox.drop(agent.id(), id);
            redirect.addFlashAttribute("notice", Messages.t("mail.outbox.notice.removed", id));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("notice", e.errors().values().iterator().next());
        }
        return "redirect:/admin/outbox";
    }
}
