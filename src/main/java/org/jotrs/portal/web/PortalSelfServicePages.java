package org.jotrs.portal.web;

import static org.jotrs.platform.Messages.t;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.portal.PortalSelfService;
import org.jotrs.portal.PortalSelfService.LinkNotValid;
import org.jotrs.portal.PortalSelfService.SignUp;
import org.jotrs.portal.PortalSelfService.TooManyRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What customers do signed out: {@code /customer/password/forgot} and {@code /customer/password/reset}
 * (a new password through a mailed link), {@code /customer/sign-up} and {@code /customer/sign-up/confirm}
 * (where self-registration is on). A used, expired or unknown link gets 410 and changes nothing.
 */
@Controller
class PortalSelfServicePages {

    private final PortalSelfService selfService;

    PortalSelfServicePages(PortalSelfService selfService) {
        this.selfService = selfService;
    }

    @GetMapping("/customer/password/forgot")
    String forgotForm(Model model) {
        return forgot("", false, Map.of(), model);
    }

    @PostMapping("/customer/password/forgot")
    String requestReset(@RequestParam(defaultValue = "") String loginOrEmail, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            selfService.requestPasswordReset(loginOrEmail, request.getRemoteAddr());
            return forgot("", true, Map.of(), model);
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return forgot(loginOrEmail, false, invalid.errors(), model);
        } catch (TooManyRequests tooMany) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(tooMany.retryAfterMinutes() * 60));
            return forgot(loginOrEmail, false, Map.of("loginOrEmail",
                    t("portal.self-service.too-many", tooMany.retryAfterMinutes())), model);
        }
    }

    @GetMapping("/customer/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        if (!selfService.passwordResetOpen(token)) {
            return linkNotValid(response, model);
        }
        return newPassword("reset", token, null, Map.of(), model);
    }

    @PostMapping("/customer/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatedPassword, HttpServletResponse response, Model model) {
        try {
            selfService.resetPassword(token, newPassword, repeatedPassword);
            return "redirect:/customer/login?reset";
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return newPassword("reset", token, null, invalid.errors(), model);
        } catch (LinkNotValid notValid) {
            return linkNotValid(response, model);
        }
    }

    @GetMapping("/customer/sign-up")
    String signUpForm(Model model) {
        requireSignUp();
        return signUp(new SignUp("", "", ""), null, Map.of(), model);
    }

    @PostMapping("/customer/sign-up")
    String signUp(@RequestParam(defaultValue = "") String firstName, @RequestParam(defaultValue = "") String lastName,
            @RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        requireSignUp();
        SignUp form = new SignUp(firstName, lastName, email);
        try {
            selfService.signUp(form, request.getRemoteAddr());
            return signUp(form, email.strip(), Map.of(), model);
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return signUp(form, null, invalid.errors(), model);
        } catch (TooManyRequests tooMany) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(tooMany.retryAfterMinutes() * 60));
            return signUp(form, null, Map.of("email",
                    t("portal.self-service.too-many", tooMany.retryAfterMinutes())), model);
        }
    }

    @GetMapping("/customer/sign-up/confirm")
    String confirmForm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        return selfService.signUpOpen(token)
                .map(email -> newPassword("sign-up", token, email, Map.of(), model))
                .orElseGet(() -> linkNotValid(response, model));
    }

    @PostMapping("/customer/sign-up/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatedPassword, HttpServletResponse response, Model model) {
        try {
            selfService.confirmSignUp(token, newPassword, repeatedPassword);
            return "redirect:/customer/login?signed-up";
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return newPassword("sign-up", token, selfService.signUpOpen(token).orElse(""), invalid.errors(), model);
        } catch (LinkNotValid notValid) {
            return linkNotValid(response, model);
        }
    }

    private void requireSignUp() {
        if (!selfService.signUpEnabled()) {
            throw new NoSuchEntry("not-found.page");
        }
    }

    private static String forgot(String loginOrEmail, boolean sent, Map<String, String> errors, Model model) {
        model.addAttribute("loginOrEmail", loginOrEmail);
        model.addAttribute("sent", sent);
        model.addAttribute("errors", errors);
        return "portal/forgot";
    }

    private static String signUp(SignUp form, String sentTo, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("sentTo", sentTo);
        model.addAttribute("errors", errors);
        return "portal/sign_up";
    }

    private static String newPassword(String kind, String token, String email, Map<String, String> errors, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("token", token);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "portal/new_password";
    }

    private static String linkNotValid(HttpServletResponse response, Model model) {
        response.setStatus(410);
        model.addAttribute("kind", "invalid");
        return "portal/link_not_valid";
    }
}
