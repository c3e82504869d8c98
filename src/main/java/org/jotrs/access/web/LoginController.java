package org.jotrs.access.web;

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
            model.addAttribute("error", "Too many failed sign-ins. Try again in " + Math.max(1, throttled)
                    + (throttled == 1 ? " minute." : " minutes."));
        } else if (error != null) {
            // OTRS's wording; it does not say whether the login or the password was wrong.
            model.addAttribute("error", "Login failed! Your user name or password was entered incorrectly.");
        } else if (logout != null) {
            model.addAttribute("notice", "You have been signed out.");
        }
        return "access/login";
    }
}
