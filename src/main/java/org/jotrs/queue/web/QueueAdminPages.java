package org.jotrs.queue.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.Messages;
import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.queue.QueueAdministration;
import org.jotrs.queue.QueueAdministration.Choice;
import org.jotrs.queue.QueueAdministration.Row;
import org.jotrs.queue.TextBlockKind;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin screens of the queue module: queues, system addresses, salutations, signatures,
 * templates, and which templates each queue offers.
 */
@Controller
class QueueAdminPages {

    private final QueueAdministration queues;
    private final AccessService access;

    QueueAdminPages(QueueAdministration queues, AccessService access) {
        this.queues = queues;
        this.access = access;
    }

    @Bean
    static AdminSection queuesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.queues.title", "/admin/queues",
                "admin.section.queues.summary");
    }

    @Bean
    static AdminSection systemAddressesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.system-addresses.title", "/admin/system-addresses",
                "admin.section.system-addresses.summary");
    }

    @Bean
    static AdminSection salutationsSection() {
        return new AdminSection("admin.area.tickets", "admin.section.salutations.title", "/admin/salutations",
                "admin.section.salutations.summary");
    }

    @Bean
    static AdminSection signaturesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.signatures.title", "/admin/signatures",
                "admin.section.signatures.summary");
    }

    @Bean
    static AdminSection templatesSection() {
        return new AdminSection("admin.area.tickets", "admin.section.templates.title", "/admin/templates",
                "admin.section.templates.summary");
    }

    // ---- queues

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
        List<Choice> all = queues.templates(agent.id()).stream()
                .map(row -> new Choice(row.id(), row.name() + " (" + row.cells().getFirst() + ")")).toList();
        return assignment(model, Messages.t("queue.admin.templates-of-queue", queue.name()), "/admin/queues/" + id, Messages.t("admin.kind.queue.one", queue.name()),
                "/admin/queues/" + id + "/templates", "templateIds", all, queues.templatesOfQueue(agent.id(), id));
    }

    @PostMapping("/admin/queues/{id}/templates")
    String setQueueTemplates(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "templateIds", required = false) List<Integer> templateIds, RedirectAttributes redirect) {
        queues.setTemplatesOfQueue(agent.id(), id, templateIds == null ? Set.of() : new HashSet<>(templateIds));
        redirect.addFlashAttribute("notice", Messages.t("queue.admin.notice.queue-templates-saved"));
        return "redirect:/admin/queues/" + id + "/templates";
    }

    // ---- system addresses

    @GetMapping("/admin/system-addresses")
    String addressList(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return list(model, Messages.t("admin.kind.system-address.many"), "/admin/system-addresses", Messages.t("admin.kind.system-address.new"),
                List.of(Messages.t("queue.admin.display-name"), Messages.t("common.queue")), queues.systemAddresses(agent.id()));
    }

    @GetMapping("/admin/system-addresses/new")
    String newAddress(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return addressForm(agent, model, null, AddressForm.empty(), Map.of());
    }

    @PostMapping("/admin/system-addresses/new")
    String createAddress(@AuthenticationPrincipal SignedInAgent agent, AddressForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> queues.createSystemAddress(agent.id(), form.settings()), redirect, Messages.t("queue.admin.notice.address-created"),
                id -> "/admin/system-addresses/" + id, response, () -> addressForm(agent, model, null, form, null), model);
    }

    @GetMapping("/admin/system-addresses/{id}")
    String address(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return addressForm(agent, model, id, AddressForm.of(queues.systemAddress(agent.id(), id)), Map.of());
    }

    @PostMapping("/admin/system-addresses/{id}")
    String updateAddress(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, AddressForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> {
            queues.updateSystemAddress(agent.id(), id, form.settings());
            return id;
        }, redirect, Messages.t("queue.admin.notice.address-saved"), saved -> "/admin/system-addresses/" + id, response,
                () -> addressForm(agent, model, id, form, null), model);
    }

    private String addressForm(SignedInAgent agent, Model model, Integer id, AddressForm form, Map<String, String> errors) {
        model.addAttribute("addressId", id);
        model.addAttribute("form", form);
        model.addAttribute("queues", queues.queues(agent.id()));
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        return "queue/admin/address";
    }

    // ---- salutations and signatures

    @GetMapping({"/admin/salutations", "/admin/signatures"})
    String textList(@AuthenticationPrincipal SignedInAgent agent, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        TextBlockKind kind = kind(request.getRequestURI());
        return list(model, Messages.t("admin.kind." + kind.key() + ".many"), "/admin/" + kind.key() + "s", Messages.t("admin.kind." + kind.key() + ".new"), List.of(Messages.t("common.comment")),
                queues.textBlocks(agent.id(), kind));
    }

    @GetMapping("/admin/{kind:salutations|signatures}/new")
    String newText(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String kind, Model model) {
        access.requireAdmin(agent.id());
        return textForm(model, kind(kind), null, TextForm.empty(), Map.of());
    }

    @PostMapping("/admin/{kind:salutations|signatures}/new")
    String createText(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String kind, TextForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        TextBlockKind k = kind(kind);
        return save(() -> queues.createTextBlock(agent.id(), k, form.block()), redirect, k.title() + " created.",
                id -> "/admin/" + kind + "/" + id, response, () -> textForm(model, k, null, form, null), model);
    }

    @GetMapping("/admin/{kind:salutations|signatures}/{id}")
    String text(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String kind, @PathVariable int id, Model model) {
        TextBlockKind k = kind(kind);
        return textForm(model, k, id, TextForm.of(queues.textBlock(agent.id(), k, id)), Map.of());
    }

    @PostMapping("/admin/{kind:salutations|signatures}/{id}")
    String updateText(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String kind, @PathVariable int id,
            TextForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TextBlockKind k = kind(kind);
        return save(() -> {
            queues.updateTextBlock(agent.id(), k, id, form.block());
            return id;
        }, redirect, k.title() + " saved.", saved -> "/admin/" + kind + "/" + id, response,
                () -> textForm(model, k, id, form, null), model);
    }

    private static TextBlockKind kind(String pathOrKind) {
        return pathOrKind.contains("salutation") ? TextBlockKind.SALUTATION : TextBlockKind.SIGNATURE;
    }

    private String textForm(Model model, TextBlockKind kind, Integer id, TextForm form, Map<String, String> errors) {
        model.addAttribute("kind", kind.key());
        model.addAttribute("basePath", "/admin/" + kind.key() + "s");
        model.addAttribute("entryId", id);
        model.addAttribute("form", form);
        model.addAttribute("templateTypes", List.of());
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        return "queue/admin/text";
    }

    // ---- templates

    @GetMapping("/admin/templates")
    String templateList(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return list(model, Messages.t("admin.kind.template.many"), "/admin/templates", Messages.t("admin.kind.template.new"), List.of(Messages.t("common.type"), Messages.t("common.comment")),
                queues.templates(agent.id()));
    }

    @GetMapping("/admin/templates/new")
    String newTemplate(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        access.requireAdmin(agent.id());
        return templateForm(model, null, TextForm.empty(), Map.of());
    }

    @PostMapping("/admin/templates/new")
    String createTemplate(@AuthenticationPrincipal SignedInAgent agent, TextForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> queues.createTemplate(agent.id(), form.template()), redirect,
                Messages.t("queue.admin.notice.template-created"), id -> "/admin/templates/" + id, response,
                () -> templateForm(model, null, form, null), model);
    }

    @GetMapping("/admin/templates/{id}")
    String template(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        return templateForm(model, id, TextForm.of(queues.template(agent.id(), id)), Map.of());
    }

    @PostMapping("/admin/templates/{id}")
    String updateTemplate(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, TextForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return save(() -> {
            queues.updateTemplate(agent.id(), id, form.template());
            return id;
        }, redirect, Messages.t("queue.admin.notice.template-saved"), saved -> "/admin/templates/" + id, response,
                () -> templateForm(model, id, form, null), model);
    }

    private String templateForm(Model model, Integer id, TextForm form, Map<String, String> errors) {
        model.addAttribute("kind", "template");
        model.addAttribute("basePath", "/admin/templates");
        model.addAttribute("entryId", id);
        model.addAttribute("form", form);
        model.addAttribute("templateTypes", QueueAdministration.TEMPLATE_TYPES);
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        return "queue/admin/text";
    }

    @GetMapping("/admin/templates/{id}/queues")
    String templateQueues(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id, Model model) {
        var template = queues.template(agent.id(), id);
        List<Choice> all = queues.queues(agent.id()).stream().map(row -> new Choice(row.id(), row.name())).toList();
        return assignment(model, Messages.t("queue.admin.queues-of-template", template.name()), "/admin/templates/" + id,
                Messages.t("admin.kind.template.one", template.name()), "/admin/templates/" + id + "/queues", "queueIds", all,
                queues.queuesOfTemplate(agent.id(), id));
    }

    @PostMapping("/admin/templates/{id}/queues")
    String setTemplateQueues(@AuthenticationPrincipal SignedInAgent agent, @PathVariable int id,
            @RequestParam(name = "queueIds", required = false) List<Integer> queueIds, RedirectAttributes redirect) {
        queues.setQueuesOfTemplate(agent.id(), id, queueIds == null ? Set.of() : new HashSet<>(queueIds));
        redirect.addFlashAttribute("notice", Messages.t("queue.admin.notice.template-queues-saved"));
        return "redirect:/admin/templates/" + id + "/queues";
    }

    // ---- shared

    private static String list(Model model, String title, String basePath, String newLabel, List<String> headers,
            List<Row> rows) {
        model.addAttribute("title", title);
        model.addAttribute("basePath", basePath);
        model.addAttribute("newLabel", newLabel);
        model.addAttribute("headers", headers);
        model.addAttribute("rows", rows);
        return "queue/admin/list";
    }

    private static String assignment(Model model, String title, String backPath, String backLabel, String action,
            String field, List<Choice> all, Set<Integer> selected) {
        model.addAttribute("title", title);
        model.addAttribute("backPath", backPath);
        model.addAttribute("backLabel", backLabel);
        model.addAttribute("action", action);
        model.addAttribute("field", field);
        model.addAttribute("all", all);
        model.addAttribute("selected", selected);
        return "queue/admin/assign";
    }

    /**
     * Runs a create or update; on success redirects with a notice, on invalid input renders the
     * form again with the errors and 422.
     */
    private static String save(Supplier<Integer> change, RedirectAttributes redirect, String notice,
            java.util.function.IntFunction<String> target, HttpServletResponse response, Supplier<String> form, Model model) {
        try {
            int id = change.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:" + target.apply(id);
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.errors());
            return form.get();
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
