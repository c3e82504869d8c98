package org.jotrs.web.internal;

import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the CSRF token (forms post it, htmx sends it as a header) and
 * the signed-in agent, if any.
 */
@ControllerAdvice
class PageModel {

    private final AccessService access;

    PageModel(AccessService access) {
        this.access = access;
    }

    /**
     * No form uses Spring's "_field" and "!field" markers; without this, the binder takes the
     * {@code _csrf} parameter of every form post for one, looks for a "csrf" property, and throws
     * and catches an exception per request to learn that there is none.
     */
    @InitBinder
    void noFieldMarkers(WebDataBinder binder) {
        binder.setFieldMarkerPrefix(null);
        binder.setFieldDefaultPrefix(null);
    }

    @ModelAttribute("csrf")
    CsrfToken csrf(CsrfToken token) {
        return token;
    }

    @ModelAttribute("agent")
    SignedInAgent agent(@AuthenticationPrincipal SignedInAgent agent) {
        return agent;
    }

    /** Whether to show the admin area in the navigation; read per request, like every permission. */
    @ModelAttribute("admin")
    boolean admin(@AuthenticationPrincipal SignedInAgent agent) {
        return agent != null && access.isAdmin(agent.id());
    }
}
