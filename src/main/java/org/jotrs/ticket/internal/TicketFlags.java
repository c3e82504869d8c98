package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET_FLAG;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * OTRS's per-agent "Seen" flag on a ticket ({@code ticket_flag}, key {@code Seen}): set when an
 * agent opens the ticket or has seen all its articles, removed for every agent when an article is
 * added, so OTRS and Jotrs show the same tickets as having unread articles.
 */
@Component
class TicketFlags {

    static final String SEEN = "Seen";

    private final DSLContext db;
    private final Clock clock;

    TicketFlags(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether the agent has seen every article of the ticket. */
    boolean seen(long ticketId, int agentId) {
        return db.fetchExists(db.selectOne().from(TICKET_FLAG)
                .where(TICKET_FLAG.TICKET_ID.eq(ticketId))
                .and(TICKET_FLAG.CREATE_BY.eq(agentId))
                .and(TICKET_FLAG.TICKET_KEY.eq(SEEN)));
    }

    /** Marks the ticket seen by the agent; a flag that is already there stays (unique per agent). */
    @Transactional(propagation = Propagation.MANDATORY)
    void markSeen(long ticketId, int agentId) {
        db.insertInto(TICKET_FLAG)
                .set(TICKET_FLAG.TICKET_ID, ticketId)
                .set(TICKET_FLAG.TICKET_KEY, SEEN)
                .set(TICKET_FLAG.TICKET_VALUE, "1")
                .set(TICKET_FLAG.CREATE_TIME, LocalDateTime.now(clock))
                .set(TICKET_FLAG.CREATE_BY, agentId)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /**
     * A new article: the ticket is unread for everyone (OTRS deletes the flag for all users; see
     * {@link ArticleArrival}, which marks it read again for an author who has seen every article).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void clearSeen(long ticketId) {
        db.deleteFrom(TICKET_FLAG)
                .where(TICKET_FLAG.TICKET_ID.eq(ticketId))
                .and(TICKET_FLAG.TICKET_KEY.eq(SEEN))
                .execute();
    }
}
