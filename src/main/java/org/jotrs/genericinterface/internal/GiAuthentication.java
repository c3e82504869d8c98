package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AgentCredentials;
import org.jotrs.access.PasswordHashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * OTRS's three ways to call an operation (Kernel::GenericInterface::Operation::Common::Auth): a
 * SessionID from SessionCreate, an agent's UserLogin and Password, or a customer user's
 * CustomerUserLogin and Password. Agents are checked exactly as the sign-in page checks them
 * (throttling included); customer users against {@code customer_user.pw} in every OTRS hash format,
 * with their own throttle. Passwords, SessionIDs and hashes are never logged.
 */
@Component
class GiAuthentication {

    private static final Logger log = LoggerFactory.getLogger(GiAuthentication.class);
    private static final int CUSTOMER_FAILURES_ALLOWED = 10;

    private final AgentCredentials agents;
    private final PasswordHashing hashing;
    private final GiSessions sessions;
    private final DSLContext db;
    private final String decoyHash;
    private final Cache<String, AtomicInteger> customerFailures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(100_000).build();

    GiAuthentication(AgentCredentials agents, PasswordHashing hashing, GiSessions sessions, DSLContext db) {
        this.agents = agents;
        this.hashing = hashing;
        this.sessions = sessions;
        this.db = db;
        this.decoyHash = hashing.hash("decoy-" + System.nanoTime());
    }

    /** The caller by SessionID, UserLogin or CustomerUserLogin; empty when none of them checks out. */
    Optional<GiCaller> authenticate(Map<String, Object> data, String address) {
        String sessionId = GiParams.text(data, "SessionID");
        if (sessionId != null) {
            return sessions.find(sessionId).flatMap(session -> {
                if (!session.customer()) {
                    return agents.isValidAgent(session.agentId()) ? Optional.of(GiCaller.agent(session.agentId()))
                            : Optional.empty();
                }
                return validCustomer(session.customerLogin()).map(this::customerCaller);
            });
        }
        return byPassword(data, address);
    }

    /** The caller by UserLogin or CustomerUserLogin and Password (what SessionCreate accepts). */
    Optional<GiCaller> byPassword(Map<String, Object> data, String address) {
        String password = GiParams.text(data, "Password");
        String userLogin = GiParams.text(data, "UserLogin");
        String customerLogin = GiParams.text(data, "CustomerUserLogin");
        if (password == null) {
            return Optional.empty();
        }
        if (userLogin != null) {
            try {
                return agents.verify(userLogin, password, address).map(agent -> GiCaller.agent(agent.id()));
            } catch (AgentCredentials.SignInThrottled e) {
                return Optional.empty();
            }
        }
        if (customerLogin != null) {
            return customer(customerLogin, password, address);
        }
        return Optional.empty();
    }

    private Optional<GiCaller> customer(String login, String password, String address) {
        String key = login.strip().toLowerCase(java.util.Locale.ROOT);
        AtomicInteger failures = customerFailures.getIfPresent(key);
        if (failures != null && failures.get() >= CUSTOMER_FAILURES_ALLOWED) {
            log.info("GenericInterface customer sign-in throttled login={} address={}", login, address);
            return Optional.empty();
        }
        Optional<CustomerRow> row = login.indexOf('\0') >= 0 ? Optional.empty() : validCustomer(login);
        boolean verified = false;
        if (row.isPresent() && row.get().passwordHash() != null && !row.get().passwordHash().isEmpty()) {
            verified = hashing.verify(password, row.get().passwordHash());
        } else {
            // As long as a real check, so unknown logins cannot be told apart by time.
            hashing.verify(password, decoyHash);
        }
        if (!verified) {
            customerFailures.get(key, k -> new AtomicInteger()).incrementAndGet();
            log.info("GenericInterface customer sign-in failed login={} address={}", login, address);
            return Optional.empty();
        }
        customerFailures.invalidate(key);
        return Optional.of(customerCaller(row.get()));
    }

    private record CustomerRow(String login, String customerId, String passwordHash) {
    }

    private GiCaller customerCaller(CustomerRow row) {
        return GiCaller.customer(row.login());
    }

    private Optional<CustomerRow> validCustomer(String login) {
        return db.select(CUSTOMER_USER.LOGIN, CUSTOMER_USER.CUSTOMER_ID, CUSTOMER_USER.PW).from(CUSTOMER_USER)
                .where(DSL.lower(CUSTOMER_USER.LOGIN).eq(login.strip().toLowerCase(java.util.Locale.ROOT)))
                .and(CUSTOMER_USER.VALID_ID.eq((short) 1))
                .fetchOptional(r -> new CustomerRow(r.value1(), r.value2(), r.value3()));
    }
}
