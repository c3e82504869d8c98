package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.FeedKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OTRS's {@code Maint::Ticket::UnlockTimeout} as a cluster job ({@code ticket.unlock-timeout}):
 * a ticket locked ({@code lock}) in a state of OTRS's {@code Ticket::UnlockStateType} (new, open)
 * whose queue has an unlock timeout ({@code queue.unlock_timeout}, minutes) is unlocked once that
 * much working time (the calendar of the settings, {@link CalendarSettings}) has passed since
 * {@code ticket.timeout} (set when it was locked and when an agent writes). It is unlocked as
 * OTRS's {@code TicketLockSet} does it for the system user: the lock, history {@code Unlock}
 * "%%unlock" by user 1, and the change feed's {@code TicketLockUpdate}, from which the mail module
 * sends OTRS's {@code NotificationLockTimeout} to the owner. Each ticket in its own transaction,
 * checked again under its row lock, so an agent's lock or answer in between wins.
 */
@Component
class UnlockTimeouts {

    private static final Logger log = LoggerFactory.getLogger(UnlockTimeouts.class);
    static final int SYSTEM = 1;
    private static final int PAGE = 500;
    /** OTRS's Ticket::UnlockStateType default. */
    private static final List<String> UNLOCK_STATE_TYPES = List.of("new", "open");

    private final DSLContext db;
    private final TicketRows rows;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final ChangeFeed feed;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CalendarSettings calendars;

    UnlockTimeouts(DSLContext db, TicketRows rows, TicketLookups lookups, TicketHistory history, ChangeFeed feed,
            TransactionTemplate transactions, Clock clock, CalendarSettings calendars) {
        this.db = db;
        this.rows = rows;
        this.lookups = lookups;
        this.history = history;
        this.feed = feed;
        this.transactions = transactions;
        this.clock = clock;
        this.calendars = calendars;
    }

    @Bean
    static ClusterJob unlockTimeoutJob(UnlockTimeouts timeouts, Environment environment) {
        Duration interval = environment.getProperty("jotrs.ticket.unlock-timeout.poll-interval", Duration.class,
                Duration.ofMinutes(1));
        return new ClusterJob("ticket.unlock-timeout", interval, timeouts::run);
    }

    /** One run: every ticket past its unlock timeout now; returns how many were unlocked. */
    int run() {
        Instant now = clock.instant();
        WorkingCalendar calendar = calendars.current(clock.getZone());
        int unlocked = 0;
        long after = 0;
        while (!ClusterJob.stopping()) {
            List<Record3<Long, Integer, Integer>> page = candidates(TICKET.ID.gt(after));
            for (Record3<Long, Integer, Integer> candidate : page) {
                after = candidate.value1();
                if (due(candidate, now, calendar) && unlockIfStillDue(candidate.value1(), now, calendar)) {
                    unlocked++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return unlocked;
    }

    /** Locked tickets in an unlock state of a queue with a timeout: id, ticket.timeout, queue.unlock_timeout. */
    private List<Record3<Long, Integer, Integer>> candidates(Condition which) {
        // The queues with a timeout and the lock id first, then a query the lock index answers: with
        // the names joined in, PostgreSQL walked every ticket by id (1.5 s a minute with a million
        // tickets, to find none). No queue with a timeout: nothing to read at all.
        List<Integer> queues = db.select(QUEUE.ID).from(QUEUE)
                .where(QUEUE.UNLOCK_TIMEOUT.isNotNull()).and(QUEUE.UNLOCK_TIMEOUT.ne(0))
                .fetch(QUEUE.ID);
        if (queues.isEmpty()) {
            return List.of();
        }
        List<Short> states = db.select(TICKET_STATE.ID).from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE_TYPE.NAME.in(UNLOCK_STATE_TYPES))
                .fetch(TICKET_STATE.ID);
        return db.select(TICKET.ID, TICKET.TIMEOUT, QUEUE.UNLOCK_TIMEOUT)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(which)
                .and(TICKET.TICKET_LOCK_ID.eq(lookups.lockId("lock")))
                .and(TICKET.QUEUE_ID.in(queues))
                .and(TICKET.TICKET_STATE_ID.in(states))
                .orderBy(TICKET.ID)
                .limit(PAGE)
                .fetch();
    }

    private static boolean due(Record3<Long, Integer, Integer> candidate, Instant now, WorkingCalendar calendar) {
        Integer timeout = candidate.value2();
        Instant lockedSince = Instant.ofEpochSecond(timeout == null ? 0 : timeout);
        return calendar.reached(lockedSince, now, Duration.ofMinutes(candidate.value3()));
    }

    private boolean unlockIfStillDue(long ticketId, Instant now, WorkingCalendar calendar) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                TicketRows.Current current = rows.lockAndRead(ticketId);
                // Read again under the row lock: an agent may have answered (a new timeout), unlocked,
                // closed or moved it since the scan.
                List<Record3<Long, Integer, Integer>> again = candidates(TICKET.ID.eq(ticketId));
                if (again.isEmpty() || !due(again.getFirst(), now, calendar) || !current.locked()) {
                    return false;
                }
                rows.update(ticketId, SYSTEM, Map.of(TICKET.TICKET_LOCK_ID, lookups.lockId("unlock")));
                history.add(current.snapshot(), null, HistoryType.UNLOCK, "%%unlock", SYSTEM);
                feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_LOCK_UPDATE, SYSTEM);
                log.info("Ticket unlocked after its queue's unlock timeout ticket={} number={}", ticketId, current.number());
                return true;
            }));
        } catch (org.jotrs.ticket.NoSuchTicket gone) {
            return false;
        }
    }
}
