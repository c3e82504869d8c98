package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_TICKET_ESCALATION_EVENT;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.FeedKind;
import org.jotrs.ticket.NoSuchTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OTRS's {@code Maint::Ticket::EscalationCheck} as a cluster job ({@code ticket.escalation-check}):
 * for each ticket with an escalation time it raises {@code Escalation<Kind>TimeStart} once the
 * deadline has passed, and {@code Escalation<Kind>TimeNotifyBefore} once the queue's warning share
 * ({@code *_notify}, percent) of the working time until the deadline has passed, for the kinds
 * Response, Update and Solution, each with OTRS's history row ({@code %%<Event>%%triggered} by the
 * system user) and a change-feed row of the event's name. A ticket that raised any also raises
 * OTRS's {@code NotificationEscalation} (something escalated) or
 * {@code NotificationEscalationNotifyBefore} (only warnings), which the shipped "Ticket escalation
 * notification" and "Ticket escalation warning notification" listen to; the mail module sends them
 * from the feed.
 *
 * <p>Where OTRS repeats its events on every run (with a decay time), Jotrs raises each exactly
 * once per ticket, kind and deadline: {@code jotrs_ticket_escalation_event} holds the ones raised,
 * written in the transaction of the history row under the ticket's row lock, so a restart, a
 * repeated run or a second node raises nothing twice; a new deadline (the customer wrote again)
 * can raise again. As OTRS, nothing is raised outside working hours (no working time in the last
 * ten minutes); what became due meanwhile is raised in the first run of the next working hours.
 */
@Component
class EscalationCheck {

    private static final Logger log = LoggerFactory.getLogger(EscalationCheck.class);
    private static final int SYSTEM = 1;
    private static final int PAGE = 500;

    /** One of OTRS's three escalation kinds, with its column, its queue time and its events. */
    enum Kind {
        RESPONSE(HistoryType.ESCALATION_RESPONSE_TIME_START, FeedKind.ESCALATION_RESPONSE_TIME_START,
                HistoryType.ESCALATION_RESPONSE_TIME_NOTIFY_BEFORE, FeedKind.ESCALATION_RESPONSE_TIME_NOTIFY_BEFORE),
        UPDATE(HistoryType.ESCALATION_UPDATE_TIME_START, FeedKind.ESCALATION_UPDATE_TIME_START,
                HistoryType.ESCALATION_UPDATE_TIME_NOTIFY_BEFORE, FeedKind.ESCALATION_UPDATE_TIME_NOTIFY_BEFORE),
        SOLUTION(HistoryType.ESCALATION_SOLUTION_TIME_START, FeedKind.ESCALATION_SOLUTION_TIME_START,
                HistoryType.ESCALATION_SOLUTION_TIME_NOTIFY_BEFORE, FeedKind.ESCALATION_SOLUTION_TIME_NOTIFY_BEFORE);

        final HistoryType start;
        final FeedKind startFeed;
        final HistoryType notifyBefore;
        final FeedKind notifyBeforeFeed;

        Kind(HistoryType start, FeedKind startFeed, HistoryType notifyBefore, FeedKind notifyBeforeFeed) {
            this.start = start;
            this.startFeed = startFeed;
            this.notifyBefore = notifyBefore;
            this.notifyBeforeFeed = notifyBeforeFeed;
        }

        int deadline(Record ticket) {
            Integer value = switch (this) {
                case RESPONSE -> ticket.get(TICKET.ESCALATION_RESPONSE_TIME);
                case UPDATE -> ticket.get(TICKET.ESCALATION_UPDATE_TIME);
                case SOLUTION -> ticket.get(TICKET.ESCALATION_SOLUTION_TIME);
            };
            return value == null ? 0 : value;
        }

        int minutes(TicketEscalations.QueueTimes times) {
            return switch (this) {
                case RESPONSE -> times.firstResponse();
                case UPDATE -> times.update();
                case SOLUTION -> times.solution();
            };
        }

        int notifyPercent(TicketEscalations.QueueTimes times) {
            return switch (this) {
                case RESPONSE -> times.firstResponseNotify();
                case UPDATE -> times.updateNotify();
                case SOLUTION -> times.solutionNotify();
            };
        }
    }

    /** An event due for a ticket: which, and the deadline it is about. */
    record Due(Kind kind, boolean escalated, int deadline) {

        HistoryType historyType() {
            return escalated ? kind.start : kind.notifyBefore;
        }

        FeedKind feedKind() {
            return escalated ? kind.startFeed : kind.notifyBeforeFeed;
        }
    }

    private final DSLContext db;
    private final TicketRows rows;
    private final TicketHistory history;
    private final ChangeFeed feed;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CalendarSettings calendars;

    EscalationCheck(DSLContext db, TicketRows rows, TicketHistory history, ChangeFeed feed,
            TransactionTemplate transactions, Clock clock, CalendarSettings calendars) {
        this.db = db;
        this.rows = rows;
        this.history = history;
        this.feed = feed;
        this.transactions = transactions;
        this.clock = clock;
        this.calendars = calendars;
    }

    @Bean
    static ClusterJob escalationCheckJob(EscalationCheck check, Environment environment) {
        Duration interval = environment.getProperty("jotrs.ticket.escalation-check.poll-interval", Duration.class,
                Duration.ofMinutes(1));
        return new ClusterJob("ticket.escalation-check", interval, check::run);
    }

    /** One run: every event due now; returns how many events were raised. */
    int run() {
        Instant now = clock.instant();
        WorkingCalendar calendar = calendars.current(clock.getZone());
        // OTRS's check: escalation events only during working hours.
        if (calendar.workingTime(now.minus(Duration.ofMinutes(10)), now).isZero()) {
            return 0;
        }
        int raised = 0;
        long after = 0;
        while (!ClusterJob.stopping()) {
            List<Record> page = candidates(TICKET.ID.gt(after));
            for (Record ticket : page) {
                after = ticket.get(TICKET.ID);
                if (!due(ticket, now, calendar).isEmpty()) {
                    raised += raiseIfStillDue(ticket.get(TICKET.ID), now, calendar);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return raised;
    }

    /** Tickets with an escalation time, with their columns and their queue's times. */
    private List<Record> candidates(Condition which) {
        return db.select(TICKET.ID, TICKET.ESCALATION_RESPONSE_TIME, TICKET.ESCALATION_UPDATE_TIME,
                        TICKET.ESCALATION_SOLUTION_TIME, QUEUE.FIRST_RESPONSE_TIME, QUEUE.FIRST_RESPONSE_NOTIFY,
                        QUEUE.UPDATE_TIME, QUEUE.UPDATE_NOTIFY, QUEUE.SOLUTION_TIME, QUEUE.SOLUTION_NOTIFY)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(which)
                .and(TICKET.ESCALATION_TIME.gt(0))
                .orderBy(TICKET.ID)
                .limit(PAGE)
                .fetch(r -> (Record) r);
    }

    /**
     * The events due for a ticket now, in OTRS's order (escalations before warnings): escalated
     * once the deadline has passed; a warning once at most {@code 100 - notify} percent of the
     * kind's working time is left (OTRS's {@code TicketEscalationDateCalculation}).
     */
    static List<Due> due(Record ticket, Instant now, WorkingCalendar calendar) {
        TicketEscalations.QueueTimes times = TicketEscalations.queueTimes(ticket);
        List<Due> escalated = new ArrayList<>();
        List<Due> warnings = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int deadline = kind.deadline(ticket);
            int minutes = kind.minutes(times);
            if (deadline <= 0 || minutes <= 0) {
                continue;
            }
            Instant at = Instant.ofEpochSecond(deadline);
            if (!at.isAfter(now)) {
                escalated.add(new Due(kind, true, deadline));
                continue;
            }
            int notify = kind.notifyPercent(times);
            if (notify > 0) {
                long left = calendar.workingTime(now, at).toSeconds();
                long total = minutes * 60L;
                if ((total - left) * 100 >= notify * total) {
                    warnings.add(new Due(kind, false, deadline));
                }
            }
        }
        escalated.addAll(warnings);
        return escalated;
    }

    /** Raises the ticket's due events not raised yet, in one transaction under its row lock; returns how many. */
    private int raiseIfStillDue(long ticketId, Instant now, WorkingCalendar calendar) {
        try {
            Integer raised = transactions.execute(status -> {
                TicketRows.Current current = rows.lockAndRead(ticketId);
                // Read again under the row lock: an answer or a close in between moved or ended the deadline.
                List<Record> again = candidates(TICKET.ID.eq(ticketId));
                if (again.isEmpty()) {
                    return 0;
                }
                LocalDateTime stamp = LocalDateTime.now(clock);
                List<Due> fresh = new ArrayList<>();
                for (Due due : due(again.getFirst(), now, calendar)) {
                    String event = due.historyType().otrsName();
                    boolean already = db.fetchExists(JOTRS_TICKET_ESCALATION_EVENT,
                            JOTRS_TICKET_ESCALATION_EVENT.TICKET_ID.eq(ticketId)
                                    .and(JOTRS_TICKET_ESCALATION_EVENT.EVENT_NAME.eq(event))
                                    .and(JOTRS_TICKET_ESCALATION_EVENT.DEADLINE.eq(due.deadline())));
                    if (already) {
                        continue;
                    }
                    db.insertInto(JOTRS_TICKET_ESCALATION_EVENT)
                            .set(JOTRS_TICKET_ESCALATION_EVENT.TICKET_ID, ticketId)
                            .set(JOTRS_TICKET_ESCALATION_EVENT.EVENT_NAME, event)
                            .set(JOTRS_TICKET_ESCALATION_EVENT.DEADLINE, due.deadline())
                            .set(JOTRS_TICKET_ESCALATION_EVENT.CREATE_TIME, stamp)
                            .execute();
                    history.add(current.snapshot(), null, due.historyType(), "%%" + event + "%%triggered", SYSTEM);
                    feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, due.feedKind(), SYSTEM);
                    fresh.add(due);
                }
                if (!fresh.isEmpty()) {
                    // OTRS raises one notification event per ticket and check, after the first kind.
                    FeedKind notification = fresh.getFirst().escalated() ? FeedKind.NOTIFICATION_ESCALATION
                            : FeedKind.NOTIFICATION_ESCALATION_NOTIFY_BEFORE;
                    feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, notification, SYSTEM);
                    log.info("Escalation events raised ticket={} number={} events={}", ticketId, current.number(),
                            fresh.stream().map(due -> due.historyType().otrsName()).toList());
                }
                return fresh.size();
            });
            return raised == null ? 0 : raised;
        } catch (NoSuchTicket gone) {
            return 0;
        }
    }
}
