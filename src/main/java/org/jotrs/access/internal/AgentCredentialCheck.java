package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.Optional;

import org.jooq.DSLContext;
import org.jotrs.access.AgentCredentials;
import org.jotrs.access.SignedInAgent;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** The sign-in page's check ({@link AgentAuthenticationProvider}) for clients without a sign-in page. */
@Component
class AgentCredentialCheck implements AgentCredentials {

    private final AgentAuthenticationProvider provider;
    private final DSLContext db;

    AgentCredentialCheck(AgentAuthenticationProvider provider, DSLContext db) {
        this.provider = provider;
        this.db = db;
    }

    @Override
    public Optional<SignedInAgent> verify(String login, String password, String clientAddress) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        attempt.setDetails(new WebAuthenticationDetails(clientAddress, null));
        try {
            Authentication result = provider.authenticate(attempt);
            return Optional.of((SignedInAgent) result.getPrincipal());
        } catch (LoginThrottledException e) {
            throw new SignInThrottled("Too many failed sign-ins; try again in " + e.retryAfterMinutes() + " minute(s).");
        } catch (BadCredentialsException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isValidAgent(int agentId) {
        return db.fetchExists(db.selectOne().from(USERS).where(USERS.ID.eq(agentId)).and(USERS.VALID_ID.eq((short) 1)));
    }
}
