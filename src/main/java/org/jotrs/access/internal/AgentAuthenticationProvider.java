package org.jotrs.access.internal;

import java.util.List;

import org.jotrs.access.SignedInAgent;
import org.jotrs.access.internal.AgentAccounts.StoredAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Agent sign-in against OTRS's {@code users} table: every OTRS password hash format verifies, weak
 * ones are rehashed to OTRS's bcrypt form on success where {@link PasswordUpgrades} allows it,
 * repeated failures are throttled. Unknown
 * logins, invalid accounts and wrong passwords fail alike, so logins cannot be probed.
 */
@Component
class AgentAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AgentAuthenticationProvider.class);

    private final AgentAccounts accounts;
    private final OtrsPasswordHashes hashes;
    private final LoginThrottle throttle;
    private final AgentPermissions permissions;
    private final PasswordUpgrades upgrades;
    /** Verified against when the login is unknown, so the answer takes as long as for a known one. */
    private final String decoyHash;

    AgentAuthenticationProvider(AgentAccounts accounts, OtrsPasswordHashes hashes, LoginThrottle throttle,
            AgentPermissions permissions, PasswordUpgrades upgrades) {
        this.accounts = accounts;
        this.upgrades = upgrades;
        this.permissions = permissions;
        this.hashes = hashes;
        this.throttle = throttle;
        this.decoyHash = hashes.hash("decoy-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";

        if (login.indexOf('\0') >= 0 || password.indexOf('\0') >= 0) {
            // Cannot be a stored login (and PostgreSQL cannot even compare it): a plain failure.
            throttle.recordFailure(login.replace('\0', '?'), address);
            throw new BadCredentialsException("wrong login or password");
        }
        throttle.checkAllowed(login, address);
        StoredAgent agent = accounts.findByLogin(login).filter(StoredAgent::valid).orElse(null);
        if (agent == null) {
            hashes.verify(password, decoyHash);
        }
        boolean verified = agent != null && hashes.verify(password, agent.passwordHash());
        if (!verified) {
            throttle.recordFailure(login, address);
            log.info("Agent sign-in failed login={} address={}", login, address);
            throw new BadCredentialsException("wrong login or password");
        }
        throttle.recordSuccess(login, address);
        if (hashes.needsRehash(agent.passwordHash()) && upgrades.enabled()) {
            accounts.updatePassword(agent.id(), hashes.hash(password), agent.id());
            log.info("Rehashed agent password to bcrypt agent={}", agent.id());
        }
        accounts.recordSignIn(agent.id());
        log.info("Agent signed in agent={} address={}", agent.id(), address);
        SignedInAgent principal = new SignedInAgent(agent.id(), agent.login(), agent.firstName(), agent.lastName());
        List<SimpleGrantedAuthority> authorities = permissions.isAdmin(agent.id())
                ? List.of(new SimpleGrantedAuthority("ROLE_AGENT"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_AGENT"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
