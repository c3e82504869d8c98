package org.jotrs.queue.web;

import static org.jotrs.queue.web.AdminScreens.list;
import static org.jotrs.queue.web.AdminScreens.save;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.Messages;
import org.jotrs.queue.TextBlockAdministration;
import org.jotrs.queue.TextBlockKind;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of salutations ({@code /admin/salutations}) and signatures ({@code /admin/signatures}). */
@Controller
class TextBlockAdminPages {

    private final TextBlockAdministration texts;
    private final AccessService access;

    TextBlockAdminPages(TextBlockAdministration texts, AccessService access) {
        this.texts = texts;
        this.access = access;
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

    @GetMapping({"/admin/salutations", "/admin/signatures"})
    String textList(@AuthenticationPrincipal SignedInAgent agent, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        TextBlockKind kind = kind(request.getRequestURI());
        return list(model, Messages.t("admin.kind." + kind.key() + ".many"), "/admin/" + kind.key() + "s", Messages.t("admin.kind." + kind.key() + ".new"), List.of(Messages.t("common.comment")),
                texts.textBlocks(agent.id(), kind));
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
        return save(() -> texts.createTextBlock(agent.id(), k, form.block()), redirect, Messages.t("queue.admin.notice." + k.key() + "-created"),
                id -> "/admin/" + kind + "/" + id, response, () -> textForm(model, k, null, form, null), model);
    }

    @GetMapping("/admin/{kind:salutations|signatures}/{id}")
    String text(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String kind, @PathVariable int id, Model model) {
        TextBlockKind k = kind(kind);
        return textForm(model, k, id, TextForm.of(texts.textBlock(agent.id(), k, id)), Map.of());
    }

    @PostMapping("/admin/{kind:salutations|signatures}/{id}")
    String updateText(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String kind, @PathVariable int id,
            TextForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TextBlockKind k = kind(kind);
        return save(() -> {
            texts.updateTextBlock(agent.id(), k, id, form.block());
            return id;
        }, redirect, Messages.t("queue.admin.notice." + k.key() + "-saved"), saved -> "/admin/" + kind + "/" + id, response,
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
}
