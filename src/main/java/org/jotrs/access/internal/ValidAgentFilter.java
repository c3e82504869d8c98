package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.USERS;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jooq.DSLContext;
import org.jotrs.access.SignedInAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every request of a signed-in agent: is the agent still valid? One primary-key read. When an
 * agent was set to invalid (by the admin screen, by OTRS, by hand in the database), its session
 * ends here and the request goes on as anonymous, so it is sent to the sign-in page.
 */
class ValidAgentFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ValidAgentFilter.class);

    private final DSLContext db;

    ValidAgentFilter(DSLContext db) {
        this.db = db;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAgent agent && !valid(agent.id())) {
            log.info("Ended the session of an agent that is no longer valid agent={}", agent.id());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean valid(int agentId) {
        Short validId = db.select(USERS.VALID_ID).from(USERS).where(USERS.ID.eq(agentId)).fetchOne(USERS.VALID_ID);
        return validId != null && validId == 1;
    }
}
