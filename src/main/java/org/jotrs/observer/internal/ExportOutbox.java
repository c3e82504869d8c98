package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EXPORT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EXPORT_TARGET;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jotrs.observer.ExportTargets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides exports: one row per incident and export target of its site, written in the
 * transaction that opens the incident's ticket, so the decision and the ticket commit (or vanish)
 * together. Each row gets its client reference here, before any call is made.
 */
@Component
class ExportOutbox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;

    ExportOutbox(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(long incidentId, long siteId) {
        var x = JOTRS_OBSERVER_EXPORT;
        LocalDateTime now = LocalDateTime.now(clock);
        for (var target : db.selectFrom(JOTRS_OBSERVER_EXPORT_TARGET).where(JOTRS_OBSERVER_EXPORT_TARGET.SITE_ID.eq(siteId)).fetch()) {
            db.insertInto(x)
                    .set(x.INCIDENT_ID, incidentId)
                    .set(x.TARGET_ID, target.getId())
                    .set(x.CLIENT_REF, clientRef(ExportTargets.Kind.of(target.getKind()), incidentId))
                    .set(x.STATUS, "pending")
                    .set(x.ATTEMPTS, 0)
                    .set(x.NEXT_ATTEMPT_AT, clock.millis())
                    .set(x.LINKED, (short) 0)
                    .set(x.CREATE_TIME, now)
                    .set(x.CHANGE_TIME, now)
                    .onConflict(x.INCIDENT_ID, x.TARGET_ID).doNothing()
                    .execute();
        }
    }

    /**
     * Jira: a label naming the incident, with random characters so that two Jotrs installations
     * filing into one project never share one; Linear: the issue's own id, a UUID.
     */
    static String clientRef(ExportTargets.Kind kind, long incidentId) {
        return switch (kind) {
            case JIRA -> {
                byte[] random = new byte[4];
                RANDOM.nextBytes(random);
                yield "jotrs-incident-" + incidentId + "-" + HexFormat.of().formatHex(random);
            }
            case LINEAR -> UUID.randomUUID().toString();
        };
    }
}
