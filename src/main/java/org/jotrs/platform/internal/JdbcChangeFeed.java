package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcChangeFeed implements ChangeFeed {

    private final DSLContext db;
    private final Clock clock;

    JdbcChangeFeed(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A feed row without the change it describes would be a lie: only inside a transaction. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(ObjectType type, long objectId, long ticketId, FeedKind kind, int actorId) {
        return db.insertInto(JOTRS_CHANGE_FEED)
                .set(JOTRS_CHANGE_FEED.OBJECT_TYPE, type.name())
                .set(JOTRS_CHANGE_FEED.OBJECT_ID, objectId)
                .set(JOTRS_CHANGE_FEED.TICKET_ID, ticketId)
                .set(JOTRS_CHANGE_FEED.CHANGE_KIND, kind.word())
                .set(JOTRS_CHANGE_FEED.CREATE_TIME, LocalDateTime.now(clock))
                .set(JOTRS_CHANGE_FEED.CREATE_BY, actorId)
                .returning(JOTRS_CHANGE_FEED.ID)
                .fetchSingle()
                .getId();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Change> changes, int actorId) {
        if (changes.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        var insert = db.insertInto(JOTRS_CHANGE_FEED, JOTRS_CHANGE_FEED.OBJECT_TYPE, JOTRS_CHANGE_FEED.OBJECT_ID,
                JOTRS_CHANGE_FEED.TICKET_ID, JOTRS_CHANGE_FEED.CHANGE_KIND, JOTRS_CHANGE_FEED.CREATE_TIME,
                JOTRS_CHANGE_FEED.CREATE_BY);
        for (Change change : changes) {
            insert = insert.values(change.type().name(), change.objectId(), change.ticketId(), change.kind().word(), now, actorId);
        }
        insert.execute();
    }
}
