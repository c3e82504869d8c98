package org.jotrs.queue.web;

import static org.jotrs.queue.web.AdminScreens.assignment;
import static org.jotrs.queue.web.AdminScreens.list;
import static org.jotrs.queue.web.AdminScreens.save;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

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

/** Admin screens of queues ({@code /admin/queues}), and which templates each queue offers. */
@Controller
class QueueAdminPages {

    private final QueueAdministration queues;
    private final TemplateAdministration templates;

    QueueAdminPages(QueueAdministration queues, TemplateAdministration templates) {
        this.queues = queues;
        this.templates = templates;
    }

    @Bean
    static AdminSection queuesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.queues.title", "/admin/queues",
                "admin.section.queues.summary");
    }

    @GetMapping("/admin/queues")
    String queueList(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return list(model, Messages.t("admin.kind.queue.many"), "/admin/queues", Messages.t("admin.kind.queue.new"), List.of(Messages.t("common.group"), Messages.t("common.comment")), queues.queues(agent.id()));
    }

    @GetMapping("/admin/queues/new")
    String newQueue(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return queueForm(agent, model, null, QueueForm.empty(), Map.of());
    }

    @PostMapping("/admin/queues/new")
    String createQueue(@AuthenticationPrincipal SignedInAgent agent, QueueForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> queues.createQueue(agent.id(), form.settings()), redirect, Messages.t("queue.admin.notice.queue-created", strip(form.name())),
                id -> "/admin/queues/" + id, response, () -> queueForm(agent, model, null, form, null), model);
    }

    @GetMapping("/admin/queues/{id}")
    String queue(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return queueForm(agent, model, id, QueueForm.of(queues.queue(agent.id(), id)), Map.of());
    }

    @PostMapping("/admin/queues/{id}")
    String updateQueue(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, QueueForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> {
            queues.updateQueue(agent.id(), id, form.settings());
            return id;
        }, redirect, Messages.t("queue.admin.notice.queue-saved"), saved -> "/admin/queues/" + id, response, () -> queueForm(agent, model, id, form, null), model);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private String queueForm(SignedInAgent agent, Model model, Integer id, QueueForm form, Map<String, String> errors) {
        model.addAttribute("queueId", id);
        model.addAttribute("form", form);
        model.addAttribute("choices", queues.queueChoices(agent.id()));
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        return "queue/admin/queue";
    }

    @GetMapping("/admin/queues/{id}/templates")
    String queueTemplates(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        var queue = queues.queue(agent.id(), id);
        List<Choice> all = templates.templates(agent.id()).stream()
                .map(row -> new Choice(row.id(), row.name() + " (" + row.cells().getFirst() + ")")).toList();
        return assignment(model, Messages.t("queue.admin.templates-of-queue", queue.name()), "/admin/queues/" + id, Messages.t("admin.kind.queue.one", queue.name()),
                "/admin/queues/" + id + "/templates", "templateIds", all, templates.templatesOfQueue(agent.id(), id));
    }

    @PostMapping("/admin/queues/{id}/templates")
    String setQueueTemplates(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "templateIds", required = false) List<Integer> templateIds, RedirectAttributes redirect) {
        templates.setTemplatesOfQueue(agent.id(), id, templateIds == null ? Set.of() : new HashSet<>(templateIds));
        redirect.addFlashAttribute("notice", Messages.t("queue.admin.notice.queue-templates-saved"));
        return "redirect:/admin/queues/" + id + "/templates";
    }
}
