package org.jotrs.portal.web;

import static org.jotrs.platform.Messages.t;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.portal.PortalAccounts;
import org.jotrs.portal.PortalSelfService;
import org.jotrs.portal.SignInRefused;
import org.jotrs.portal.SignedInCustomer;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /customer/login} and {@code /customer/logout}: the portal's own sign-in and sign-out. */
@Controller
class PortalSignInPages {

    private final PortalAccounts accounts;
    private final PortalSelfService selfService;

    PortalSignInPages(PortalAccounts accounts, PortalSelfService selfService) {
        this.accounts = accounts;
        this.selfService = selfService;
    }

    @GetMapping("/customer")
    String home() {
        return "redirect:/customer/tickets";
    }

    @GetMapping("/customer/login")
    String form(@AuthenticationPrincipal SignedInCustomer customer, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired, @RequestParam(required = false) String reset,
            @RequestParam(name = "signed-up", required = false) String signedUp, Model model) {
        if (customer != null) {
            return "redirect:/customer/tickets";
        }
        if (logout != null) {
            model.addAttribute("notice", t("access.login.signed-out"));
        } else if (expired != null) {
            model.addAttribute("notice", t("portal.login.session-ended"));
        } else if (reset != null) {
            model.addAttribute("notice", t("portal.reset.password-set"));
        } else if (signedUp != null) {
            model.addAttribute("notice", t("portal.sign-up.done"));
        }
        model.addAttribute("signUp", selfService.signUpEnabled());
        return "portal/login";
    }

    @PostMapping("/customer/login")
    String signIn(@RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            String token = accounts.signIn(login, password, request.getRemoteAddr());
            response.addHeader("Set-Cookie", cookie(token, request).toString());
            return "redirect:/customer/tickets";
        } catch (SignInRefused refused) {
            response.setStatus(refused.throttled() ? 429 : 401);
            model.addAttribute("error", refused.throttled()
                    ? t("access.login.throttled", refused.retryAfterMinutes())
                    : t("access.login.failed"));
            model.addAttribute("signUp", selfService.signUpEnabled());
            return "portal/login";
        }
    }

    @PostMapping("/customer/logout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (PortalAccounts.SESSION_COOKIE.equals(cookie.getName())) {
                    accounts.signOut(cookie.getValue());
                }
            }
        }
        response.addHeader("Set-Cookie", cookie(null, request).toString());
        return "redirect:/customer/login?logout";
    }

    static ResponseCookie cookie(String token, HttpServletRequest request) {
        return ResponseCookie.from(PortalAccounts.SESSION_COOKIE, token == null ? "" : token)
                .path("/customer").httpOnly(true).sameSite("Lax").secure(request.isSecure())
                .maxAge(token == null ? 0 : -1).build();
    }

    static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (PortalAccounts.SESSION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
