package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class JooqChangeFeed implements ChangeFeed {

    private final DSLContext db;
    private final Clock clock;

    JooqChangeFeed(DSLContext db, Clock clock) {
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
}
