package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_SENDER_TYPE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record3;
import org.jotrs.platform.db.schema.tables.TicketState;
import org.jotrs.platform.db.schema.tables.TicketStateType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ticket's escalation columns as OTRS's {@code TicketEscalationIndexBuild} keeps them, from
 * the queue's times (Jotrs has no SLAs) in minutes of working time of the calendar
 * ({@link CalendarSettings}):
 * <ul>
 * <li>{@code escalation_response_time}: creation plus the queue's first response time, until the
 * first agent article visible to the customer;</li>
 * <li>{@code escalation_update_time}: the last contact plus the update time, the contact being the
 * oldest customer article of those after the latest visible agent article, or that agent article
 * when no customer wrote since (OTRS's walk back over the visible agent and customer articles);</li>
 * <li>{@code escalation_solution_time}: creation plus the solution time, until the ticket was
 * first closed (a {@code NewTicket} or {@code StateUpdate} history row into a closed state);</li>
 * <li>{@code escalation_time}: the earliest of these that is set.</li>
 * </ul>
 * All are 0 (none) for closed, merged and removed tickets and for times the queue does not set.
 *
 * <p>Every ticket change writes its history row through {@link TicketHistory}, which names the
 * ticket here; the index is rebuilt once per ticket just before the change's transaction commits,
 * so it is part of the change and sees all of it (the article, the new state, the move).
 */
@Component
class TicketEscalations {

    /** OTRS: no escalation for state types matching {@code ^(merge|close|remove)}. */
    private static final Set<String> NO_ESCALATION_STATE_TYPES = Set.of("closed", "merged", "removed");

    private final DSLContext db;
    private final CalendarSettings calendars;
    private final Clock clock;

    TicketEscalations(DSLContext db, CalendarSettings calendars, Clock clock) {
        this.db = db;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** The four escalation columns, epoch seconds, 0 for none. */
    record Index(int response, int update, int solution) {

        static final Index NONE = new Index(0, 0, 0);

        /** {@code escalation_time}: the earliest set one, 0 when none is. */
        int earliest() {
            int earliest = 0;
            for (int time : new int[] {response, update, solution}) {
                if (time > 0 && (earliest == 0 || time < earliest)) {
                    earliest = time;
                }
            }
            return earliest;
        }
    }

    /** The queue's escalation times (minutes) and warning shares (percent), 0 for none. */
    record QueueTimes(int firstResponse, int firstResponseNotify, int update, int updateNotify, int solution,
            int solutionNotify) {

        boolean any() {
            return firstResponse > 0 || update > 0 || solution > 0;
        }
    }

    /**
     * Names a ticket whose escalation index the running transaction's change may move; the index
     * is rebuilt before the transaction commits, once per ticket however many rows name it.
     */
    void touched(long ticketId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            rebuild(ticketId);
            return;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending && pending.owner() == this) {
                pending.tickets().add(ticketId);
                return;
            }
        }
        Pending pending = new Pending(this, new LinkedHashSet<>());
        pending.tickets().add(ticketId);
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    /** The tickets of one transaction, rebuilt before it commits. */
    private record Pending(TicketEscalations owner, Set<Long> tickets) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly) {
                for (long ticketId : List.copyOf(tickets)) {
                    owner.rebuild(ticketId);
                }
            }
        }
    }

    /** Computes the ticket's index and writes it when it changed; returns it (NONE for a ticket that is gone). */
    Index rebuild(long ticketId) {
        Record row = db.select(TICKET.CREATE_TIME, TICKET_STATE_TYPE.NAME, TICKET.ESCALATION_RESPONSE_TIME,
                        TICKET.ESCALATION_UPDATE_TIME, TICKET.ESCALATION_SOLUTION_TIME, TICKET.ESCALATION_TIME,
                        QUEUE.FIRST_RESPONSE_TIME, QUEUE.FIRST_RESPONSE_NOTIFY, QUEUE.UPDATE_TIME, QUEUE.UPDATE_NOTIFY,
                        QUEUE.SOLUTION_TIME, QUEUE.SOLUTION_NOTIFY)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchOne();
        if (row == null) {
            return Index.NONE;
        }
        QueueTimes times = queueTimes(row);
        Index index = NO_ESCALATION_STATE_TYPES.contains(row.get(TICKET_STATE_TYPE.NAME)) || !times.any()
                ? Index.NONE
                : compute(ticketId, row.get(TICKET.CREATE_TIME), times, calendars.current(clock.getZone()));
        if (index.response() != orZero(row.get(TICKET.ESCALATION_RESPONSE_TIME))
                || index.update() != orZero(row.get(TICKET.ESCALATION_UPDATE_TIME))
                || index.solution() != orZero(row.get(TICKET.ESCALATION_SOLUTION_TIME))
                || index.earliest() != orZero(row.get(TICKET.ESCALATION_TIME))) {
            // As OTRS's index build: the columns only, not the ticket's change time (it is no
            // agent's change, and the zoom's "changed meanwhile" check must not see one).
            db.update(TICKET)
                    .set(TICKET.ESCALATION_RESPONSE_TIME, index.response())
                    .set(TICKET.ESCALATION_UPDATE_TIME, index.update())
                    .set(TICKET.ESCALATION_SOLUTION_TIME, index.solution())
                    .set(TICKET.ESCALATION_TIME, index.earliest())
                    .where(TICKET.ID.eq(ticketId))
                    .execute();
        }
        return index;
    }

    static QueueTimes queueTimes(Record row) {
        return new QueueTimes(orZero(row.get(QUEUE.FIRST_RESPONSE_TIME)), orZero(row.get(QUEUE.FIRST_RESPONSE_NOTIFY)),
                orZero(row.get(QUEUE.UPDATE_TIME)), orZero(row.get(QUEUE.UPDATE_NOTIFY)),
                orZero(row.get(QUEUE.SOLUTION_TIME)), orZero(row.get(QUEUE.SOLUTION_NOTIFY)));
    }

    private Index compute(long ticketId, LocalDateTime created, QueueTimes times, WorkingCalendar calendar) {
        ZoneId stored = clock.getZone();
        Instant createdAt = created.atZone(stored).toInstant();
        int response = 0;
        int update = 0;
        int solution = 0;
        if (times.firstResponse() > 0 && !answered(ticketId)) {
            response = deadline(calendar, createdAt, times.firstResponse());
        }
        if (times.update() > 0) {
            Optional<LocalDateTime> contact = lastContact(ticketId);
            if (contact.isPresent()) {
                update = deadline(calendar, contact.get().atZone(stored).toInstant(), times.update());
            }
        }
        if (times.solution() > 0 && !everClosed(ticketId)) {
            solution = deadline(calendar, createdAt, times.solution());
        }
        return new Index(response, update, solution);
    }

    /** The working-time deadline in epoch seconds; 0 when the calendar never reaches it. */
    private static int deadline(WorkingCalendar calendar, Instant start, int minutes) {
        return calendar.addWorkingMinutes(start, minutes).map(at -> (int) Math.min(Integer.MAX_VALUE, at.getEpochSecond()))
                .orElse(0);
    }

    /** OTRS's first response: an agent article visible to the customer. */
    private boolean answered(long ticketId) {
        return db.fetchExists(db.selectOne().from(ARTICLE)
                .join(ARTICLE_SENDER_TYPE).on(ARTICLE_SENDER_TYPE.ID.eq(ARTICLE.ARTICLE_SENDER_TYPE_ID))
                .where(ARTICLE.TICKET_ID.eq(ticketId))
                .and(ARTICLE_SENDER_TYPE.NAME.eq("agent"))
                .and(ARTICLE.IS_VISIBLE_FOR_CUSTOMER.eq((short) 1)));
    }

    /**
     * OTRS's walk back over the articles, newest first: the first article's time to start with;
     * internal ones and other senders skipped; customer articles move the contact back to the
     * oldest of the run after the latest agent article; the latest visible agent article ends the
     * walk (it is the contact when no customer wrote after it).
     */
    private Optional<LocalDateTime> lastContact(long ticketId) {
        List<Record3<String, Short, LocalDateTime>> articles = db
                .select(ARTICLE_SENDER_TYPE.NAME, ARTICLE.IS_VISIBLE_FOR_CUSTOMER, ARTICLE.CREATE_TIME)
                .from(ARTICLE)
                .join(ARTICLE_SENDER_TYPE).on(ARTICLE_SENDER_TYPE.ID.eq(ARTICLE.ARTICLE_SENDER_TYPE_ID))
                .where(ARTICLE.TICKET_ID.eq(ticketId))
                .orderBy(ARTICLE.CREATE_TIME.desc(), ARTICLE.ID.desc())
                .fetch();
        LocalDateTime contact = null;
        String lastSender = "";
        for (Record3<String, Short, LocalDateTime> article : articles) {
            if (contact == null) {
                contact = article.value3();
            }
            Short visible = article.value2();
            if (visible == null || visible != 1) {
                continue;
            }
            String sender = article.value1();
            if ("agent".equals(sender) && "customer".equals(lastSender)) {
                break;
            }
            if ("customer".equals(sender)) {
                lastSender = "customer";
                contact = article.value3();
            } else if ("agent".equals(sender)) {
                contact = article.value3();
                break;
            }
        }
        return Optional.ofNullable(contact);
    }

    /** OTRS's {@code _TicketGetClosed}: a NewTicket or StateUpdate history row into a closed state. */
    private boolean everClosed(long ticketId) {
        TicketState state = TICKET_STATE.as("closed_state");
        TicketStateType type = TICKET_STATE_TYPE.as("closed_type");
        return db.fetchExists(db.selectOne().from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .join(state).on(state.ID.eq(TICKET_HISTORY.STATE_ID))
                .join(type).on(type.ID.eq(state.TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId))
                .and(TICKET_HISTORY_TYPE.NAME.in("NewTicket", "StateUpdate"))
                .and(type.NAME.eq("closed")));
    }

    private static int orZero(Number value) {
        return value == null ? 0 : value.intValue();
    }
}
