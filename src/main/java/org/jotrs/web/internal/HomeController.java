package org.jotrs.web.internal;

import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final AccessService access;

    HomeController(AccessService access) {
        this.access = access;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("permissions", access.effectivePermissions(agent.id()));
        return "web/home";
    }
}
