package org.jotrs.web.internal;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.ErrorPageModel;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The error page keeps the agent's navigation, sign-out form and theme, as every other page
 * does ({@link PageModel}); a visitor who has not signed in gets the bare page.
 */
@Component
class ErrorPageLayout implements ErrorPageModel {

    private final AccessService access;

    ErrorPageLayout(AccessService access) {
        this.access = access;
    }

    @Override
    public Map<String, Object> layoutFor(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object token = request.getAttribute(CsrfToken.class.getName());
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAgent agent)
                || !(token instanceof CsrfToken csrf)) {
            return Map.of();
        }
        Map<String, Object> layout = new HashMap<>();
        layout.put("agent", agent);
        layout.put("csrf", csrf);
        layout.put("admin", access.isAdmin(agent.id()));
        return layout;
    }
}
