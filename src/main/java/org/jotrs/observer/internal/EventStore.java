package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;

import java.sql.PreparedStatement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch's events in one statement; events already stored (a retried batch) are skipped.
 * On PostgreSQL the statement is plain SQL, its text kept per batch size: building and rendering
 * the 50-row insert with jOOQ cost as much CPU as parsing the batch (profiled under
 * bench/ObserverLoad.java). H2 and MariaDB keep jOOQ's rendering of the same insert.
 */
@Component
class EventStore {

    private static final String COLUMNS = "site_id, event_uuid, session_id, user_ref, kind, occurred_at, received_at, url, "
            + "browser, app_release, data";
    private static final int WIDTH = 11;

    private final DSLContext db;
    private final ConcurrentMap<Integer, String> postgresInserts = new ConcurrentHashMap<>();

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
        if (db.family() == SQLDialect.POSTGRES) {
            return storeOnPostgres(siteId, batch, receivedAt, browser);
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

    private int storeOnPostgres(long siteId, EventBatch batch, long receivedAt, String browser) {
        String sql = postgresInserts.computeIfAbsent(batch.events().size(), EventStore::postgresInsert);
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                for (EventBatch.Event event : batch.events()) {
                    statement.setLong(++i, siteId);
                    statement.setString(++i, event.uuid());
                    statement.setString(++i, batch.sessionId());
                    statement.setString(++i, batch.userRef());
                    statement.setString(++i, event.kind());
                    statement.setLong(++i, event.occurredAt());
                    statement.setLong(++i, receivedAt);
                    statement.setString(++i, event.url());
                    statement.setString(++i, browser);
                    statement.setString(++i, batch.release());
                    statement.setString(++i, event.data());
                }
                return statement.executeUpdate();
            }
        });
    }

    static String postgresInsert(int rows) {
        StringBuilder sql = new StringBuilder(60 + rows * 26).append("INSERT INTO jotrs_observer_event (").append(COLUMNS)
                .append(") VALUES ");
        String row = "(" + "?, ".repeat(WIDTH - 1) + "?)";
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(row);
        }
        return sql.append(" ON CONFLICT (site_id, event_uuid) DO NOTHING").toString();
    }
}
