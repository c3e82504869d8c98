package org.jotrs.portal.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.InvalidInput;
import org.jotrs.portal.PortalAccounts;
import org.jotrs.portal.PortalAccounts.CustomerSettings;
import org.jotrs.portal.SignedInCustomer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /customer/preferences}: a customer's language, time zone and password. */
@Controller
class PortalPreferencesPages {

    /** Region zone ids, sorted, as the agents' preferences list them. */
    private static final List<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(id -> id.contains("/") || id.equals("UTC")).filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .toList();

    private final PortalAccounts accounts;

    PortalPreferencesPages(PortalAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/customer/preferences")
    String show(@AuthenticationPrincipal SignedInCustomer customer, @RequestParam(required = false) String saved, Model model) {
        return page(customer, accounts.settings(customer.login()), Map.of(), saved, model);
    }

    @PostMapping("/customer/preferences")
    String save(@AuthenticationPrincipal SignedInCustomer customer, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String timeZone, Model model, HttpServletResponse response) {
        CustomerSettings settings = new CustomerSettings(language, timeZone);
        try {
            accounts.saveSettings(customer.login(), settings);
            return "redirect:/customer/preferences?saved=settings";
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return page(customer, settings, invalid.errors(), null, model);
        }
    }

    @PostMapping("/customer/preferences/password")
    String changePassword(@AuthenticationPrincipal SignedInCustomer customer,
            @RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatedPassword, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        try {
            accounts.changePassword(customer.login(), currentPassword, newPassword, repeatedPassword,
                    PortalSignInPages.token(request));
            return "redirect:/customer/preferences?saved=password";
        } catch (InvalidInput invalid) {
            response.setStatus(invalid.status());
            return page(customer, accounts.settings(customer.login()), invalid.errors(), null, model);
        }
    }

    private static String page(SignedInCustomer customer, CustomerSettings settings, Map<String, String> errors,
            String saved, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("settings", settings);
        model.addAttribute("zones", ZONES);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved == null ? "" : saved);
        return "portal/preferences";
    }
}
