package org.jotrs.webhook.web;

import static org.jotrs.platform.Messages.t;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.FeedKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.webhook.Webhook;
import org.jotrs.webhook.WebhookSettings;
import org.jotrs.webhook.Webhooks;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of webhooks: the list, a webhook's settings and its delivery log with "send again". */
@Controller
class WebhookAdminPages {

    private static final List<String> EVENTS = Arrays.stream(FeedKind.values()).map(FeedKind::word).toList();

    private final Webhooks webhooks;

    WebhookAdminPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Bean
    static AdminSection webhooksSection() {
        return new AdminSection("admin.area.system", "webhook.admin.title", "/admin/webhooks", "webhook.admin.summary");
    }

    @GetMapping("/admin/webhooks")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("webhooks", webhooks.list(agent.id()));
        return "webhook/admin/webhooks";
    }

    @GetMapping("/admin/webhooks/new")
    String newWebhook(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        webhooks.list(agent.id());
        return form(model, null, new WebhookSettings("", "https://", "", List.of(FeedKind.TICKET_CREATE.word()), true),
                Map.of(), null, 0);
    }

    @PostMapping("/admin/webhooks/new")
    String create(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String secret,
            @RequestParam(required = false) List<String> events, @RequestParam(required = false) String enabled,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        WebhookSettings settings = new WebhookSettings(name, url, secret, events, enabled != null);
        try {
            Webhooks.Created created = webhooks.create(agent.id(), settings);
            redirect.addFlashAttribute("notice", t("webhook.admin.created"));
            redirect.addFlashAttribute("generatedSecret", created.generatedSecret());
            return "redirect:/admin/webhooks/" + created.id();
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return form(model, null, new WebhookSettings(name, url, "", events, enabled != null), invalid.errors(), null, 0);
        }
    }

    @GetMapping("/admin/webhooks/{id}")
    String webhook(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Webhook webhook = webhooks.get(agent.id(), id);
        model.addAttribute("webhook", webhook);
        return form(model, id, new WebhookSettings(webhook.name(), webhook.url(), "", webhook.events(), webhook.enabled()),
                Map.of(), agent, page);
    }

    @PostMapping("/admin/webhooks/{id}")
    String update(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret, @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String enabled, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        WebhookSettings settings = new WebhookSettings(name, url, secret, events, enabled != null);
        try {
            webhooks.update(agent.id(), id, settings);
            redirect.addFlashAttribute("notice", t("webhook.admin.saved"));
            return "redirect:/admin/webhooks/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            model.addAttribute("webhook", webhooks.get(agent.id(), id));
            return form(model, id, new WebhookSettings(name, url, "", events, enabled != null), invalid.errors(), agent, 0);
        }
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, RedirectAttributes redirect) {
        webhooks.delete(agent.id(), id);
        redirect.addFlashAttribute("notice", t("webhook.admin.deleted"));
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, @PathVariable long deliveryId,
            RedirectAttributes redirect) {
        webhooks.redeliver(agent.id(), deliveryId);
        redirect.addFlashAttribute("notice", t("webhook.admin.redelivered"));
        return "redirect:/admin/webhooks/" + id;
    }

    private String form(Model model, Integer id, WebhookSettings form, Map<String, String> errors, SignedInAgent agent,
            int page) {
        model.addAttribute("webhookId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allEvents", EVENTS);
        model.addAttribute("deliveries", id == null ? null : webhooks.deliveries(agent.id(), id, page));
        return "webhook/admin/webhook";
    }
}
