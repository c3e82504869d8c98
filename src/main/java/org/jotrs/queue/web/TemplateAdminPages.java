package org.jotrs.queue.web;

import static org.jotrs.queue.web.AdminScreens.assignment;
import static org.jotrs.queue.web.AdminScreens.list;
import static org.jotrs.queue.web.AdminScreens.save;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.Messages;
import org.jotrs.queue.QueueAdministration;
import org.jotrs.queue.QueueAdministration.Choice;
import org.jotrs.queue.TemplateAdministration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of templates ({@code /admin/templates}), and the queues each is offered in. */
@Controller
class TemplateAdminPages {

    private final TemplateAdministration templates;
    private final QueueAdministration queues;
    private final AccessService access;

    TemplateAdminPages(TemplateAdministration templates, QueueAdministration queues, AccessService access) {
        this.templates = templates;
        this.queues = queues;
        this.access = access;
    }

    @Bean
    static AdminSection templatesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.templates.title", "/admin/templates",
                "admin.section.templates.summary");
    }

    @GetMapping("/admin/templates")
    String templateList(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return list(model, Messages.t("admin.kind.template.many"), "/admin/templates", Messages.t("admin.kind.template.new"), List.of(Messages.t("common.type"), Messages.t("common.comment")),
                templates.templates(agent.id()));
    }

    @GetMapping("/admin/templates/new")
    String newTemplate(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        access.requireAdmin(agent.id());
        return templateForm(model, null, TextForm.empty(), Map.of());
    }

    @PostMapping("/admin/templates/new")
    String createTemplate(@AuthenticationPrincipal SignedInAgent agent, TextForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> templates.createTemplate(agent.id(), form.template()), redirect,
                Messages.t("queue.admin.notice.template-created"), id -> "/admin/templates/" + id, response,
                () -> templateForm(model, null, form, null), model);
    }

    @GetMapping("/admin/templates/{id}")
    String template(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return templateForm(model, id, TextForm.of(templates.template(agent.id(), id)), Map.of());
    }

    @PostMapping("/admin/templates/{id}")
    String updateTemplate(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, TextForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> {
            templates.updateTemplate(agent.id(), id, form.template());
            return id;
        }, redirect, Messages.t("queue.admin.notice.template-saved"), saved -> "/admin/templates/" + id, response,
                () -> templateForm(model, id, form, null), model);
    }

    private String templateForm(Model model, Integer id, TextForm form, Map<String, String> errors) {
        model.addAttribute("kind", "template");
        model.addAttribute("basePath", "/admin/templates");
        model.addAttribute("entryId", id);
        model.addAttribute("form", form);
        model.addAttribute("templateTypes", TemplateAdministration.TEMPLATE_TYPES);
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        return "queue/admin/text";
    }

    @GetMapping("/admin/templates/{id}/queues")
    String templateQueues(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        var template = templates.template(agent.id(), id);
        List<Choice> all = queues.queues(agent.id()).stream().map(row -> new Choice(row.id(), row.name())).toList();
        return assignment(model, Messages.t("queue.admin.queues-of-template", template.name()), "/admin/templates/" + id,
                Messages.t("admin.kind.template.one", template.name()), "/admin/templates/" + id + "/queues", "queueIds", all,
                templates.queuesOfTemplate(agent.id(), id));
    }

    @PostMapping("/admin/templates/{id}/queues")
    String setTemplateQueues(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "queueIds", required = false) List<Integer> queueIds, RedirectAttributes redirect) {
        templates.setQueuesOfTemplate(agent.id(), id, queueIds == null ? Set.of() : new HashSet<>(queueIds));
        redirect.addFlashAttribute("notice", Messages.t("queue.admin.notice.template-queues-saved"));
        return "redirect:/admin/templates/" + id + "/queues";
    }
}
