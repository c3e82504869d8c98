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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Component
class JooqChangeFeed implements ChangeFeed {

    private final DSLContext db;
    private final Clock clock;
    private final PollingChangeFeedTail tail;

    JooqChangeFeed(DSLContext db, Clock clock, PollingChangeFeedTail tail) {
        this.db = db;
        this.clock = clock;
        this.tail = tail;
    }

    /** A feed row without the change it describes would be a lie: only inside a transaction. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(ObjectType type, long objectId, long ticketId, FeedKind kind, int actorId) {
        wakeTailAfterCommit();
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

    /** This node's tail reads the feed as soon as the transaction commits (once per transaction), not at its next poll. */
    private void wakeTailAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof WakeTail) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new WakeTail(tail));
    }

    private record WakeTail(PollingChangeFeedTail tail) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            tail.wake();
        }
    }
}
