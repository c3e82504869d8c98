package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores a batch's events in one statement; events already stored (a retried batch) are skipped. */
@Component
class EventStore {

    private final DSLContext db;

    EventStore(DSLContext db) {
        this.db = db;
    }

    /**
     * Stores the events and commits before returning, so the caller may acknowledge them.
     *
     * @return how many were new
     */
    @Transactional
    int store(long siteId, EventBatch batch, long receivedAt, String browser) {
        if (batch.events().isEmpty()) {
            return 0;
        }
        var e = JOTRS_OBSERVER_EVENT;
        var insert = db.insertInto(e, e.SITE_ID, e.EVENT_UUID, e.SESSION_ID, e.USER_REF, e.KIND, e.OCCURRED_AT,
                e.RECEIVED_AT, e.URL, e.BROWSER, e.APP_RELEASE, e.DATA);
        for (EventBatch.Event event : batch.events()) {
            insert = insert.values(siteId, event.uuid(), batch.sessionId(), batch.userRef(), event.kind(), event.occurredAt(),
                    receivedAt, event.url(), browser, batch.release(), event.data());
        }
        return insert.onConflict(e.SITE_ID, e.EVENT_UUID).doNothing().execute();
    }
}
