package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_GI_SESSION;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.jotrs.platform.SecretTokens;

/**
 * SessionCreate's sessions ({@code jotrs_gi_session}). The SessionID is 32 random bytes in hex;
 * only its SHA-256 is stored. They are not the browser's sessions: a SessionID opens no page, and
 * a signed-in browser's cookie is no SessionID.
 */
@Component
class GiSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A session's last use is written at most this often (a busy client would write on every call). */
    private static final long TOUCH_SECONDS = 60;

    private final DSLContext db;
    private final GiProperties properties;
    private final Clock clock;

    GiSessions(DSLContext db, GiProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    String create(GiCaller caller) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String sessionId = HexFormat.of().formatHex(raw);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        db.deleteFrom(JOTRS_GI_SESSION)
                .where(JOTRS_GI_SESSION.LAST_USED_TIME.lt(now.minus(properties.sessionIdleTimeout())))
                .or(JOTRS_GI_SESSION.CREATE_TIME.lt(now.minus(properties.sessionMaxAge())))
                .execute();
        db.insertInto(JOTRS_GI_SESSION)
                .set(JOTRS_GI_SESSION.SESSION_HASH, SecretTokens.sha256Hex(sessionId))
                .set(JOTRS_GI_SESSION.USER_TYPE, caller.customer() ? "Customer" : "User")
                .set(JOTRS_GI_SESSION.USER_ID, caller.customer() ? null : caller.agentId())
                .set(JOTRS_GI_SESSION.CUSTOMER_LOGIN, caller.customer() ? caller.customerLogin() : null)
                .set(JOTRS_GI_SESSION.CREATE_TIME, now)
                .set(JOTRS_GI_SESSION.LAST_USED_TIME, now)
                .execute();
        return sessionId;
    }

    /** Who the session belongs to, while it has not expired; the account is checked by the caller. */
    @Transactional
    Optional<Session> find(String sessionId) {
        if (sessionId == null || !sessionId.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        String hash = SecretTokens.sha256Hex(sessionId);
        var row = db.selectFrom(JOTRS_GI_SESSION).where(JOTRS_GI_SESSION.SESSION_HASH.eq(hash)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        if (row.getLastUsedTime().plus(properties.sessionIdleTimeout()).isBefore(now)
                || row.getCreateTime().plus(properties.sessionMaxAge()).isBefore(now)) {
            db.deleteFrom(JOTRS_GI_SESSION).where(JOTRS_GI_SESSION.SESSION_HASH.eq(hash)).execute();
            return Optional.empty();
        }
        if (row.getLastUsedTime().plusSeconds(TOUCH_SECONDS).isBefore(now)) {
            db.update(JOTRS_GI_SESSION).set(JOTRS_GI_SESSION.LAST_USED_TIME, now)
                    .where(JOTRS_GI_SESSION.SESSION_HASH.eq(hash)).execute();
        }
        return Optional.of(new Session("Customer".equals(row.getUserType()), row.getUserId(), row.getCustomerLogin()));
    }

    record Session(boolean customer, Integer agentId, String customerLogin) {
    }

}
