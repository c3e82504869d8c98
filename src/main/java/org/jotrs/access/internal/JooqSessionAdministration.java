package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_SESSION;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.SessionAdministration;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and deletes Spring Session JDBC rows; the attribute rows go with them by the foreign
 * key's ON DELETE CASCADE (migration V4).
 */
@Service
class JooqSessionAdministration implements SessionAdministration {

    private final DSLContext db;
    private final Clock clock;
    private final AccessService access;
    private final AuditLog audit;

    JooqSessionAdministration(DSLContext db, Clock clock, AccessService access, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ActiveSession> activeSessions(int actorId) {
        access.requireAdmin(actorId);
        var name = DSL.concat(USERS.FIRST_NAME, DSL.inline(" "), USERS.LAST_NAME);
        return db.select(JOTRS_SESSION.SESSION_ID, JOTRS_SESSION.PRINCIPAL_NAME, name, JOTRS_SESSION.CREATION_TIME,
                        JOTRS_SESSION.LAST_ACCESS_TIME, JOTRS_SESSION.EXPIRY_TIME)
                .from(JOTRS_SESSION)
                .leftJoin(USERS).on(USERS.LOGIN.eq(JOTRS_SESSION.PRINCIPAL_NAME))
                // A session without a principal is a visitor's who has not signed in (the sign-in
                // page's CSRF token): nobody to name, nothing an administrator needs to end.
                .where(JOTRS_SESSION.EXPIRY_TIME.gt(clock.millis()))
                .and(JOTRS_SESSION.PRINCIPAL_NAME.isNotNull())
                .orderBy(JOTRS_SESSION.LAST_ACCESS_TIME.desc())
                .fetch(r -> new ActiveSession(fingerprint(r.value1()), Optional.ofNullable(r.value2()).orElse(""),
                        Optional.ofNullable(r.value3()).orElse(""), Instant.ofEpochMilli(r.value4()),
                        Instant.ofEpochMilli(r.value5()), Instant.ofEpochMilli(r.value6())));
    }

    @Override
    @Transactional
    public boolean end(int actorId, String fingerprint) {
        access.requireAdmin(actorId);
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{12}")) {
            return false;
        }
        var match = db.select(JOTRS_SESSION.PRIMARY_ID, JOTRS_SESSION.SESSION_ID, JOTRS_SESSION.PRINCIPAL_NAME)
                .from(JOTRS_SESSION).fetch().stream()
                .filter(r -> fingerprint(r.value2()).equals(fingerprint))
                .findFirst();
        if (match.isEmpty()) {
            return false;
        }
        db.deleteFrom(JOTRS_SESSION).where(JOTRS_SESSION.PRIMARY_ID.eq(match.get().value1())).execute();
        audit.record(actorId, "session", "session " + fingerprint, "end",
                List.of(new Change("principal", match.get().value3(), null)));
        return true;
    }

    static String fingerprint(String sessionId) {
        return HexFormat.of().formatHex(DigestUtils.sha256(sessionId.strip().getBytes(StandardCharsets.US_ASCII))).substring(0, 12);
    }
}
