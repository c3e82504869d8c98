package org.jotrs.access.web;

import org.jotrs.platform.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent sign-in form; Spring Security handles its POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) Integer throttled, Model model) {
        if (throttled != null) {
            model.addAttribute("error", Messages.t("access.login.throttled", Math.max(1, throttled)));
        } else if (error != null) {
            // OTRS's wording; it does not say whether the login or the password was wrong.
            model.addAttribute("error", Messages.t("access.login.failed"));
        } else if (logout != null) {
            model.addAttribute("notice", Messages.t("access.login.signed-out"));
        }
        return "access/login";
    }
}
