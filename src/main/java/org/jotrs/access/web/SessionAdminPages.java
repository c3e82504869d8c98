package org.jotrs.access.web;

import org.jotrs.access.SessionAdministration;
import org.jotrs.access.SignedInAgent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/sessions}: who is signed in, and ending a session. */
@Controller
class SessionAdminPages {

    private final SessionAdministration sessions;

    SessionAdminPages(SessionAdministration sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/admin/sessions")
    String list(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(required = false) String ended, Model model) {
        model.addAttribute("sessions", sessions.activeSessions(agent.id()));
        model.addAttribute("ended", ended == null ? "" : ended);
        return "access/admin/sessions";
    }

    @PostMapping("/admin/sessions/end")
    String end(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String fingerprint) {
        boolean ended = sessions.end(agent.id(), fingerprint);
        return "redirect:/admin/sessions?ended=" + (ended ? fingerprint : "none");
    }
}
