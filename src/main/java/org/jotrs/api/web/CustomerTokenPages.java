package org.jotrs.api.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.api.ApiTokens;
import org.jotrs.api.IssuedApiToken;
import org.jotrs.platform.InvalidInput;
import org.jotrs.portal.SignedInCustomer;
import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /customer/preferences/api-tokens}: a customer user's own API tokens, in the portal (its
 * sign-in, session and CSRF protect the page). The new token is shown once, in the answer to the
 * form. It lives in the API module, as the agents' token page does: the API uses the portal's
 * facade, so the portal cannot use the API's.
 */
@Controller
class CustomerTokenPages {

    private static final String PATH = "/customer/preferences/api-tokens";

    private final ApiTokens tokens;
    private final Clock clock;

    CustomerTokenPages(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String mine(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
        return page(customer, Map.of(), Map.of(), null, model);
    }

    @PostMapping(PATH)
    String create(@AuthenticationPrincipal SignedInCustomer customer, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "") String expiresOn, Model model,
            HttpServletResponse response) {
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("name", name);
        entered.put("scope", scope);
        entered.put("expiresOn", expiresOn);
        try {
            LocalDate expiry = TokenPages.expiry(expiresOn);
            IssuedApiToken issued = tokens.createForCustomer(customer.login(), name, scope, expiry);
            // The only answer that carries the secret: not cached, not kept in the session.
            response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
            return page(customer, Map.of(), Map.of(), issued.secret(), model);
        } catch (InvalidInput refused) {
            response.setStatus(refused.status());
            return page(customer, refused.errors(), entered, null, model);
        }
    }

    @PostMapping(PATH + "/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable long tokenId) {
        tokens.revokeCustomerToken(customer.login(), tokenId);
        return "redirect:" + PATH;
    }

    private String page(SignedInCustomer customer, Map<String, String> errors, Map<String, String> entered, String issued,
            Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("tokens", tokens.customerTokens(customer.login()));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("issued", issued);
        model.addAttribute("now", LocalDateTime.now(clock));
        return "api/customertokens";
    }
}
