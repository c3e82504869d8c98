package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Which escalation events are due, as OTRS's {@code TicketEscalationDateCalculation} decides: the
 * start once the deadline has passed, the warning once the queue's share of the working time has
 * passed, escalations listed before warnings; kinds without a deadline or a queue time never.
 */
class EscalationDueTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WorkingCalendar calendar = WorkingCalendar.otrsDefault(BERLIN);

    private static Instant at(int day, int hour, int minute) {
        // January 2031: Monday 6 to Friday 10.
        return ZonedDateTime.of(2031, 1, day, hour, minute, 0, 0, BERLIN).toInstant();
    }

    private static int epoch(int day, int hour, int minute) {
        return (int) at(day, hour, minute).getEpochSecond();
    }

    /** A ticket row as the check reads it: its three deadlines and its queue's times and shares. */
    private static Record ticket(int response, int update, int solution, int responseMinutes, int responseNotify,
            int updateMinutes, int updateNotify, int solutionMinutes, int solutionNotify) {
        Record row = DSL.using(SQLDialect.H2).newRecord(TICKET.ID, TICKET.ESCALATION_RESPONSE_TIME,
                TICKET.ESCALATION_UPDATE_TIME, TICKET.ESCALATION_SOLUTION_TIME, QUEUE.FIRST_RESPONSE_TIME,
                QUEUE.FIRST_RESPONSE_NOTIFY, QUEUE.UPDATE_TIME, QUEUE.UPDATE_NOTIFY, QUEUE.SOLUTION_TIME,
                QUEUE.SOLUTION_NOTIFY);
        row.set(TICKET.ID, 1L);
        row.set(TICKET.ESCALATION_RESPONSE_TIME, response);
        row.set(TICKET.ESCALATION_UPDATE_TIME, update);
        row.set(TICKET.ESCALATION_SOLUTION_TIME, solution);
        row.set(QUEUE.FIRST_RESPONSE_TIME, responseMinutes);
        row.set(QUEUE.FIRST_RESPONSE_NOTIFY, (short) responseNotify);
        row.set(QUEUE.UPDATE_TIME, updateMinutes);
        row.set(QUEUE.UPDATE_NOTIFY, (short) updateNotify);
        row.set(QUEUE.SOLUTION_TIME, solutionMinutes);
        row.set(QUEUE.SOLUTION_NOTIFY, (short) solutionNotify);
        return row;
    }

    private List<String> due(Record ticket, Instant now) {
        return EscalationCheck.due(ticket, now, calendar).stream()
                .map(due -> due.historyType().otrsName() + "@" + due.deadline()).toList();
    }

    @Test
    void theStartAtTheDeadlineAndNotASecondBefore() {
        Record ticket = ticket(epoch(7, 11, 0), 0, 0, 60, 0, 0, 0, 0, 0);
        assertThat(due(ticket, at(7, 10, 59).plusSeconds(59))).isEmpty();
        assertThat(due(ticket, at(7, 11, 0))).containsExactly("EscalationResponseTimeStart@" + epoch(7, 11, 0));
        assertThat(due(ticket, at(9, 11, 0))).containsExactly("EscalationResponseTimeStart@" + epoch(7, 11, 0));
    }

    @Test
    void theWarningAfterTheQueuesShareOfWorkingTime() {
        // 120 minutes with a warning at 75 %: due at 90 minutes, so 30 working minutes before the deadline.
        Record ticket = ticket(0, epoch(7, 8, 30), 0, 0, 0, 120, 75, 0, 0);
        // The deadline is Tuesday 08:30: 30 working minutes before it is reached at Monday 21:00, as the night counts nothing.
        assertThat(due(ticket, at(6, 20, 59))).isEmpty();
        assertThat(due(ticket, at(6, 21, 0))).containsExactly("EscalationUpdateTimeNotifyBefore@" + epoch(7, 8, 30));
        assertThat(due(ticket, at(6, 23, 0))).containsExactly("EscalationUpdateTimeNotifyBefore@" + epoch(7, 8, 30));
        assertThat(due(ticket, at(7, 8, 30))).containsExactly("EscalationUpdateTimeStart@" + epoch(7, 8, 30));
    }

    @Test
    void noWarningWithoutAShareAndNothingWithoutAQueueTime() {
        Record noShare = ticket(0, 0, epoch(7, 18, 0), 0, 0, 0, 0, 600, 0);
        assertThat(due(noShare, at(7, 17, 59))).isEmpty();
        Record noTime = ticket(epoch(7, 11, 0), 0, 0, 0, 50, 0, 0, 0, 0);
        assertThat(due(noTime, at(8, 12, 0))).isEmpty();
        Record noDeadline = ticket(0, 0, 0, 60, 50, 60, 50, 60, 50);
        assertThat(due(noDeadline, at(8, 12, 0))).isEmpty();
    }

    @Test
    void escalationsComeBeforeWarnings() {
        // Solution at Tuesday 18:00 (600 min, warning at 50 %), response escalated at 11:00.
        Record ticket = ticket(epoch(7, 11, 0), 0, epoch(7, 18, 0), 60, 50, 0, 0, 600, 50);
        assertThat(due(ticket, at(7, 13, 0))).containsExactly("EscalationResponseTimeStart@" + epoch(7, 11, 0),
                "EscalationSolutionTimeNotifyBefore@" + epoch(7, 18, 0));
        assertThat(due(ticket, at(7, 12, 59))).containsExactly("EscalationResponseTimeStart@" + epoch(7, 11, 0));
    }
}
