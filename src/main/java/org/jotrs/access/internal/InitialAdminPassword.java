package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.USERS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jotrs.platform.SystemState;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives {@code root@localhost} a generated password on the very first start and shows it once on
 * the console. OTRS ships this account with a well-known password; Jotrs installs it with an
 * empty one, which never verifies, and marks the password as pending in the {@link SystemState}.
 * Claiming that mark is one conditional update, so in a cluster exactly one node issues it.
 *
 * <p>The password is set before the web server opens its port (when all beans exist, before the
 * context starts its lifecycle), so no sign-in can arrive while the account still has no
 * password; it is printed once the application is ready, when the port is known.
 */
@Component
class InitialAdminPassword implements SmartInitializingSingleton {

    static final String STATE_KEY = "admin-password";
    static final String ADMIN_LOGIN = "root@localhost";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;

    private final DSLContext db;
    private final SystemState systemState;
    private final TransactionTemplate transactions;
    private final OtrsPasswordHashes hashes;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InitialAdminPassword(DSLContext db, SystemState systemState, TransactionTemplate transactions,
            OtrsPasswordHashes hashes, Clock clock) {
        this.db = db;
        this.systemState = systemState;
        this.transactions = transactions;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** The password issued by this start, until it is printed. */
    private volatile String issued;

    @Override
    public void afterSingletonsInstantiated() {
        issued = transactions.execute(status -> claimAndSet());
    }

    @EventListener
    @Order(1)
    void printOnFirstStart(ApplicationReadyEvent event) {
        String password = issued;
        issued = null;
        if (password != null) {
            String url = "http://localhost:" + event.getApplicationContext().getEnvironment()
                    .getProperty("local.server.port", "8080") + "/";
            // Straight to the console, never to the log: the log may be shipped elsewhere.
            System.out.println("""

                    ==========================================================================
                      First start: the administrator account has been set up.
                      Sign in at %s
                        login:    %s
                        password: %s
                      This password is shown only this once.
                    ==========================================================================
                    """.formatted(url, ADMIN_LOGIN, password));
        }
    }

    private String claimAndSet() {
        if (!systemState.transition(STATE_KEY, "pending", "issued")) {
            return null;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String password = generate();
        int updated = db.update(USERS)
                .set(USERS.PW, hashes.hash(password))
                .set(USERS.CHANGE_TIME, now)
                .where(USERS.LOGIN.eq(ADMIN_LOGIN))
                .and(USERS.PW.eq(""))
                .execute();
        return updated == 1 ? password : null;
    }

    private String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
