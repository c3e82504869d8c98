package org.jotrs.portal.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_PORTAL_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.jotrs.platform.SecretTokens;

/**
 * The single-use, expiring tokens of mailed links in {@code jotrs_portal_token}, stored as their
 * SHA-256 only: a copy of the table resets nobody's password. Using a token marks it used in one
 * conditional update, so two requests racing with the same link cannot both succeed.
 */
@Component
class PortalTokens {

    /** What a token is for; the stored {@code purpose}. */
    enum Purpose {
        RESET("reset"), SIGN_UP("sign-up");

        final String stored;

        Purpose(String stored) {
            this.stored = stored;
        }
    }

    /** An open token's row: for a reset the customer's login, for a sign-up the address and name. */
    record Open(String login, String firstName, String lastName) {
    }

    private final DSLContext db;
    private final Clock clock;

    PortalTokens(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new token; expired tokens of every purpose are deleted first. */
    String issue(Purpose purpose, String login, String firstName, String lastName, Duration lifetime) {
        LocalDateTime now = now();
        db.deleteFrom(JOTRS_PORTAL_TOKEN).where(JOTRS_PORTAL_TOKEN.EXPIRE_TIME.lt(now)).execute();
        String token = Tokens.fresh();
        db.insertInto(JOTRS_PORTAL_TOKEN)
                .set(JOTRS_PORTAL_TOKEN.TOKEN_HASH, SecretTokens.sha256Hex(token))
                .set(JOTRS_PORTAL_TOKEN.PURPOSE, purpose.stored)
                .set(JOTRS_PORTAL_TOKEN.CUSTOMER_LOGIN, login)
                .set(JOTRS_PORTAL_TOKEN.FIRST_NAME, firstName)
                .set(JOTRS_PORTAL_TOKEN.LAST_NAME, lastName)
                .set(JOTRS_PORTAL_TOKEN.CREATE_TIME, now)
                .set(JOTRS_PORTAL_TOKEN.EXPIRE_TIME, now.plus(lifetime))
                .execute();
        return token;
    }

    /** The token's row while it is unused and unexpired. */
    Optional<Open> open(Purpose purpose, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return db.select(JOTRS_PORTAL_TOKEN.CUSTOMER_LOGIN, JOTRS_PORTAL_TOKEN.FIRST_NAME, JOTRS_PORTAL_TOKEN.LAST_NAME)
                .from(JOTRS_PORTAL_TOKEN)
                .where(JOTRS_PORTAL_TOKEN.TOKEN_HASH.eq(SecretTokens.sha256Hex(token)))
                .and(JOTRS_PORTAL_TOKEN.PURPOSE.eq(purpose.stored))
                .and(JOTRS_PORTAL_TOKEN.USED_TIME.isNull())
                .and(JOTRS_PORTAL_TOKEN.EXPIRE_TIME.gt(now()))
                .fetchOptional(r -> new Open(r.value1(), r.value2(), r.value3()));
    }

    /** Marks the token used, if it still is open; returns its row only to the one caller that did. */
    Optional<Open> use(Purpose purpose, String token) {
        Optional<Open> open = open(purpose, token);
        if (open.isEmpty()) {
            return open;
        }
        int marked = db.update(JOTRS_PORTAL_TOKEN).set(JOTRS_PORTAL_TOKEN.USED_TIME, now())
                .where(JOTRS_PORTAL_TOKEN.TOKEN_HASH.eq(SecretTokens.sha256Hex(token)))
                .and(JOTRS_PORTAL_TOKEN.USED_TIME.isNull())
                .execute();
        return marked == 1 ? open : Optional.empty();
    }

    /** Uses up every other open token of this purpose for this login (a reset makes older links void). */
    void useAllOf(Purpose purpose, String login) {
        db.update(JOTRS_PORTAL_TOKEN).set(JOTRS_PORTAL_TOKEN.USED_TIME, now())
                .where(JOTRS_PORTAL_TOKEN.CUSTOMER_LOGIN.eq(login))
                .and(JOTRS_PORTAL_TOKEN.PURPOSE.eq(purpose.stored))
                .and(JOTRS_PORTAL_TOKEN.USED_TIME.isNull())
                .execute();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
