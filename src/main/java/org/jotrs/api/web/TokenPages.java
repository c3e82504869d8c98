package org.jotrs.api.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.SignedInAgent;
import org.jotrs.api.ApiTokens;
import org.jotrs.api.IssuedApiToken;
import org.jotrs.platform.AdminSection;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /preferences/api-tokens}: an agent's own API tokens (the new token is shown once, in the
 * answer to the form, never stored in the session); {@code /admin/api-tokens}: everyone's, for
 * administrators (the facade checks it).
 */
@Controller
class TokenPages {

    private final ApiTokens tokens;
    private final Clock clock;

    TokenPages(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Bean
    static AdminSection apiTokensSection() {
        return new AdminSection("admin.area.agents-permissions", "api.tokens.all-title", "/admin/api-tokens",
                "api.tokens.admin-summary");
    }

    @GetMapping("/preferences/api-tokens")
    String mine(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return page(agent, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/preferences/api-tokens")
    String create(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "") String expiresOn, Model model,
            HttpServletResponse response) {
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("name", name);
        entered.put("scope", scope);
        entered.put("expiresOn", expiresOn);
        try {
            LocalDate expiry = expiry(expiresOn);
            IssuedApiToken issued = tokens.create(agent.id(), name, scope, expiry);
            // The only answer that carries the secret: not cached, not kept in the session.
            response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
            return page(agent, Map.of(), Map.of(), issued.secret(), model);
        } catch (InvalidInput refused) {
            response.setStatus(refused.status());
            return page(agent, refused.errors(), entered, null, model);
        }
    }

    @PostMapping("/preferences/api-tokens/{tokenId}/revoke")
    String revokeMine(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long tokenId) {
        tokens.revoke(agent.id(), tokenId);
        return "redirect:/preferences/api-tokens";
    }

    @GetMapping("/admin/api-tokens")
    String all(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("tokens", tokens.all(agent.id(), page));
        model.addAttribute("now", LocalDateTime.now(clock));
        return "api/admintokens";
    }

    @PostMapping("/admin/api-tokens/{tokenId}/revoke")
    String revokeAny(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long tokenId) {
        tokens.revokeAny(agent.id(), tokenId);
        return "redirect:/admin/api-tokens";
    }

    private String page(SignedInAgent agent, Map<String, String> errors, Map<String, String> entered, String issued,
            Model model) {
        model.addAttribute("tokens", tokens.mine(agent.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("issued", issued);
        model.addAttribute("now", LocalDateTime.now(clock));
        return "api/tokens";
    }

    /** A token form's expiry day, blank for none; the agents' and the customers' token pages share it. */
    static LocalDate expiry(String expiresOn) {
        try {
            return expiresOn.isBlank() ? null : LocalDate.parse(expiresOn.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("expiresOn", Messages.t("validation.not-a-date", expiresOn.strip()));
        }
    }
}
