package org.jotrs.access.web;

import org.jotrs.access.AuditTrail;
import org.jotrs.access.SignedInAgent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/audit}: what administrators changed, filtered by object type and text. */
@Controller
class AuditPages {

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String list(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", trail.entries(agent.id(), type.strip(), q.strip(), page));
        model.addAttribute("type", type.strip());
        model.addAttribute("q", q.strip());
        return "access/admin/audit";
    }
}
