package org.jotrs.observer.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.observer.ExportTargets;
import org.jotrs.observer.IssuedKey;
import org.jotrs.observer.ObservedSites;
import org.jotrs.observer.SiteSettings;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import static org.jotrs.platform.Messages.t;
import org.jotrs.queue.QueueService;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admin screens of observed sites: settings, keys (issued, shown once, revoked) and the snippet to paste. */
@Controller
class ObserverAdminPages {

    private final ObservedSites sites;
    private final QueueService queues;
    private final ExportTargets exports;

    ObserverAdminPages(ObservedSites sites, QueueService queues, ExportTargets exports) {
        this.sites = sites;
        this.queues = queues;
        this.exports = exports;
    }

    @Bean
    static AdminSection observedSitesSection() {
        return new AdminSection("admin.area.system", "observer.admin.title", "/admin/observer",
                "observer.admin.summary");
    }

    @GetMapping("/admin/observer")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("sites", sites.sites(agent.id()));
        return "observer/admin/sites";
    }

    @GetMapping("/admin/observer/new")
    String newSite(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        sites.sites(agent.id());
        return form(model, null, SiteSettings.defaults(), Map.of(), null);
    }

    @PostMapping("/admin/observer/new")
    String create(@AuthenticationPrincipal SignedInAgent agent, SiteSettings form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            long id = sites.create(agent.id(), form);
            redirect.addFlashAttribute("notice", t("observer.admin.created"));
            return "redirect:/admin/observer/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            return form(model, null, form, invalid.errors(), null);
        }
    }

    @GetMapping("/admin/observer/{id}")
    String site(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model, HttpServletRequest request) {
        var site = sites.site(agent.id(), id);
        model.addAttribute("site", site);
        model.addAttribute("targets", exports.targets(agent.id(), id));
        return form(model, id, site.settings(), Map.of(), sdkUrl());
    }

    @PostMapping("/admin/observer/{id}")
    String update(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, SiteSettings form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            sites.update(agent.id(), id, form);
            redirect.addFlashAttribute("notice", t("observer.admin.saved"));
            return "redirect:/admin/observer/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            model.addAttribute("site", sites.site(agent.id(), id));
            model.addAttribute("targets", exports.targets(agent.id(), id));
            return form(model, id, form, invalid.errors(), sdkUrl());
        }
    }

    @PostMapping("/admin/observer/{id}/export/{kind}")
    String saveExport(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, @PathVariable String kind,
            ExportTargets.Settings form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ExportTargets.Kind chosen = ExportTargets.Kind.of(kind);
        try {
            exports.save(agent.id(), id, chosen, form);
            redirect.addFlashAttribute("notice", t("observer.export.saved"));
            return "redirect:/admin/observer/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            var site = sites.site(agent.id(), id);
            model.addAttribute("site", site);
            model.addAttribute("targets", exports.targets(agent.id(), id));
            model.addAttribute("exportKind", chosen.key());
            model.addAttribute("exportErrors", invalid.errors());
            // What was typed comes back, except the credential.
            model.addAttribute("exportForm", new ExportTargets.Settings(form.baseUrl(), form.userEmail(), form.project(),
                    form.issueType(), null));
            return form(model, id, site.settings(), Map.of(), sdkUrl());
        }
    }

    @PostMapping("/admin/observer/{id}/export/{kind}/remove")
    String removeExport(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, @PathVariable String kind,
            RedirectAttributes redirect) {
        exports.remove(agent.id(), id, ExportTargets.Kind.of(kind));
        redirect.addFlashAttribute("notice", t("observer.export.removed"));
        return "redirect:/admin/observer/" + id;
    }

    @PostMapping("/admin/observer/{id}/keys")
    String issueKey(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        IssuedKey key = sites.issueKey(agent.id(), id);
        redirect.addFlashAttribute("issuedKey", key.key());
        redirect.addFlashAttribute("notice", t("observer.admin.key-issued"));
        return "redirect:/admin/observer/" + id;
    }

    @PostMapping("/admin/observer/{id}/keys/{keyId}/revoke")
    String revokeKey(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, @PathVariable long keyId,
            RedirectAttributes redirect) {
        sites.revokeKey(agent.id(), id, keyId);
        redirect.addFlashAttribute("notice", t("observer.admin.key-revoked"));
        return "redirect:/admin/observer/" + id;
    }

    private String form(Model model, Long id, SiteSettings form, Map<String, String> errors, String sdkUrl) {
        model.addAttribute("siteId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("queues", queues.validQueues());
        model.addAttribute("snippet", sdkUrl == null ? null : snippet(sdkUrl));
        return "observer/admin/site";
    }

    /** The tag to paste, with KEY where the key goes. */
    static String snippet(String sdkUrl) {
        return "<script src=\"" + sdkUrl + "\" data-key=\"KEY\" data-release=\"YOUR-RELEASE\" async></script>";
    }

    private static String sdkUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/observer/sdk/v1/observer.js").toUriString();
    }
}
