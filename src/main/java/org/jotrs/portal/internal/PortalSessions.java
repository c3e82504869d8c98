package org.jotrs.portal.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_PORTAL_SESSION;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.jotrs.platform.SecretTokens;

/**
 * Customer sessions in {@code jotrs_portal_session}: a row per signed-in browser, keyed by the
 * SHA-256 of the cookie's token. A session ends when it has been idle for the timeout, on sign-out,
 * and (except the one that asked) when the customer changes their password. The last access is
 * written at most once a minute, as for agents' sessions, so a page view is one indexed read.
 */
@Component
class PortalSessions {

    private static final Duration ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

    private final DSLContext db;
    private final Clock clock;
    private final Duration timeout;

    PortalSessions(DSLContext db, Clock clock, PortalProperties properties) {
        this.db = db;
        this.clock = clock;
        this.timeout = properties.sessionTimeout();
    }

    /** A new session for the customer; returns its token. Sessions idle past the timeout go first. */
    String open(String login) {
        LocalDateTime now = now();
        db.deleteFrom(JOTRS_PORTAL_SESSION).where(JOTRS_PORTAL_SESSION.LAST_ACCESS_TIME.lt(now.minus(timeout))).execute();
        String token = Tokens.fresh();
        db.insertInto(JOTRS_PORTAL_SESSION)
                .set(JOTRS_PORTAL_SESSION.TOKEN_HASH, SecretTokens.sha256Hex(token))
                .set(JOTRS_PORTAL_SESSION.CUSTOMER_LOGIN, login)
                .set(JOTRS_PORTAL_SESSION.CREATE_TIME, now)
                .set(JOTRS_PORTAL_SESSION.LAST_ACCESS_TIME, now)
                .execute();
        return token;
    }

    /** The login of a live session; an idle one is deleted and is no more. */
    Optional<String> loginOf(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = SecretTokens.sha256Hex(token);
        var row = db.select(JOTRS_PORTAL_SESSION.CUSTOMER_LOGIN, JOTRS_PORTAL_SESSION.LAST_ACCESS_TIME)
                .from(JOTRS_PORTAL_SESSION).where(JOTRS_PORTAL_SESSION.TOKEN_HASH.eq(hash)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        if (row.value2().plus(timeout).isBefore(now)) {
            db.deleteFrom(JOTRS_PORTAL_SESSION).where(JOTRS_PORTAL_SESSION.TOKEN_HASH.eq(hash)).execute();
            return Optional.empty();
        }
        if (Duration.between(row.value2(), now).compareTo(ACCESS_WRITE_INTERVAL) >= 0) {
            db.update(JOTRS_PORTAL_SESSION).set(JOTRS_PORTAL_SESSION.LAST_ACCESS_TIME, now)
                    .where(JOTRS_PORTAL_SESSION.TOKEN_HASH.eq(hash)).execute();
        }
        return Optional.of(row.value1());
    }

    void close(String token) {
        if (Tokens.wellFormed(token)) {
            db.deleteFrom(JOTRS_PORTAL_SESSION).where(JOTRS_PORTAL_SESSION.TOKEN_HASH.eq(SecretTokens.sha256Hex(token))).execute();
        }
    }

    /** Ends every session of the customer but the one with {@code keepToken} (null: all). */
    void closeAllOf(String login, String keepToken) {
        var delete = db.deleteFrom(JOTRS_PORTAL_SESSION).where(JOTRS_PORTAL_SESSION.CUSTOMER_LOGIN.eq(login));
        if (keepToken != null && Tokens.wellFormed(keepToken)) {
            delete = delete.and(JOTRS_PORTAL_SESSION.TOKEN_HASH.ne(SecretTokens.sha256Hex(keepToken)));
        }
        delete.execute();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
