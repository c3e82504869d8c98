package org.jotrs.observer.web;

import org.jotrs.access.SignedInAgent;
import org.jotrs.observer.Incidents;
import static org.jotrs.platform.Messages.t;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agents' incident screens: the list, and one incident with its chart and story. */
@Controller
class IncidentPages {

    private final Incidents incidents;

    IncidentPages(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/observer/incidents")
    String list(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(required = false) String status, Model model) {
        Incidents.Status chosen = status == null || status.isBlank() ? null : Incidents.Status.of(status);
        model.addAttribute("incidents", incidents.list(agent.id(), chosen));
        model.addAttribute("status", chosen == null ? "" : chosen.key());
        return "observer/incidents";
    }

    @GetMapping("/observer/incidents/{id}")
    String incident(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.details(agent.id(), id));
        return "observer/incident";
    }

    @PostMapping("/observer/incidents/{id}/status")
    String setStatus(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, @RequestParam String status,
            RedirectAttributes redirect) {
        Incidents.Status chosen = Incidents.Status.of(status);
        incidents.setStatus(agent.id(), id, chosen);
        redirect.addFlashAttribute("notice", t("observer.incident.marked", t("observer.status." + chosen.key())));
        return "redirect:/observer/incidents/" + id;
    }

    @PostMapping("/observer/incidents/{id}/exports/{exportId}/retry")
    String retryExport(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, @PathVariable long exportId,
            RedirectAttributes redirect) {
        incidents.retryExport(agent.id(), id, exportId);
        redirect.addFlashAttribute("notice", t("observer.incident.export-retried"));
        return "redirect:/observer/incidents/" + id;
    }

    @PostMapping("/observer/incidents/{id}/exports")
    String exportNow(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        incidents.exportNow(agent.id(), id);
        redirect.addFlashAttribute("notice", t("observer.incident.export-queued"));
        return "redirect:/observer/incidents/" + id;
    }
}
