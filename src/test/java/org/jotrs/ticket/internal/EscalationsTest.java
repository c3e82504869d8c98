package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_CURSOR;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_SENT;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Settings;
import org.jotrs.testing.Agents;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalations as OTRS computes and raises them, on every database: the ticket's four escalation
 * columns follow each change in its own transaction (first response until the first visible agent
 * article, update from the oldest unanswered customer contact, solution until the first close;
 * none when closed or in a queue without times), and the escalation check, run with a clock the
 * test sets, raises each of OTRS's events once per ticket and deadline with OTRS's history rows,
 * also from a second instance (another node, a restart), and the shipped escalation notifications
 * reach the agents with rw on the queue, once a day.
 */
class EscalationsTest {

    private static final int ROOT = 1;
    private static final int USERS_GROUP = 1;
    private static final int RAW = 2;
    private static final int MISC = 4;
    /** OTRS's "Ticket escalation notification" and "Ticket escalation warning notification" of the initial data. */
    private static final int ESCALATION = 11;
    private static final int WARNING = 12;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The application writes times in the server's zone, and the calendar's default zone is the server's. */
    private static final ZoneId ZONE = ZoneId.systemDefault();
    /** Monday 6 January 2025, a working day in OTRS's default calendar (08:00–21:00). */
    private static final ZonedDateTime MONDAY_10 = ZonedDateTime.of(2025, 1, 6, 10, 0, 0, 0, ZONE);

    @OnEveryDatabase
    void escalationTimesFollowTheTicketAndRaiseOtrsEventsOnce(DatabaseKind kind) throws Exception {
        try (MailServer smtp = MailServer.start("smtp");
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + smtp.smtpPort(), "--jotrs.mail.outbox.poll-interval=100ms",
                        "--jotrs.mail.notifications.poll-interval=100ms", "--jotrs.scheduler.polling-interval=100ms",
                        // The application's own check uses the real clock; the test runs it with its own.
                        "--jotrs.ticket.escalation-check.poll-interval=1000d")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Agents.customerCarla(db);
            int alice = Agents.agent(db, "alice", "Alice", "Owner");
            Agents.grant(db, alice, USERS_GROUP, "rw");
            db.execute("INSERT INTO user_preferences (user_id, preferences_key, preferences_value) VALUES (?, 'UserEmail', ?)",
                    alice, "alice@example.com");
            db.execute("UPDATE queue SET first_response_time = 60, first_response_notify = 50, update_time = 120,"
                    + " update_notify = 0, solution_time = 600, solution_notify = 80 WHERE id = ?", RAW);
            MailServer.await(() -> db.fetchCount(JOTRS_MAIL_NOTIFICATION_CURSOR) == 1, WAIT, () -> "notifier started");

            // Created now: the index is written with the ticket.
            long id = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(RAW, "carla", "Printer on fire", "Please help.",
                    null, null, null)).ticketId();
            int[] fresh = index(db, id);
            assertThat(fresh[0]).as("response").isPositive();
            assertThat(fresh[1]).as("update").isPositive();
            assertThat(fresh[2]).as("solution").isPositive();
            assertThat(fresh[3]).isEqualTo(Math.min(fresh[0], Math.min(fresh[1], fresh[2])));
            long untimed = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(MISC, "carla", "No times here", "Hello.",
                    null, null, null)).ticketId();
            assertThat(index(db, untimed)).containsExactly(0, 0, 0, 0);

            // Made on Monday 10:00 with the customer's call; any change rebuilds the index (an internal note).
            db.update(TICKET).set(TICKET.CREATE_TIME, MONDAY_10.toLocalDateTime()).where(TICKET.ID.eq(id)).execute();
            db.update(ARTICLE).set(ARTICLE.CREATE_TIME, MONDAY_10.toLocalDateTime()).where(ARTICLE.TICKET_ID.eq(id)).execute();
            tickets.apply(alice, id, new TicketAction.AddNote("Internal", "Looking into it.", false));
            assertThat(index(db, id)).containsExactly(at(11, 0), at(12, 0), at(20, 0), at(11, 0));
            // An internal note is no response.
            assertThat(index(db, id)[0]).isEqualTo(at(11, 0));

            // Alice calls the customer back at 10:30: the first response is done, the update clock restarts there.
            tickets.apply(alice, id, new TicketAction.AddPhoneCall("Call back", "We are on it.", false, null));
            lastArticleAt(db, id, 10, 30);
            tickets.apply(alice, id, new TicketAction.AddNote("Internal", "Called.", false));
            assertThat(index(db, id)).containsExactly(0, at(12, 30), at(20, 0), at(12, 30));

            // The customer calls twice, at 11:00 and 11:15: the update clock runs from the first unanswered contact.
            tickets.apply(alice, id, new TicketAction.AddPhoneCall("Again", "Still burning.", true, null));
            lastArticleAt(db, id, 11, 0);
            tickets.apply(alice, id, new TicketAction.AddPhoneCall("Again", "Smoke now.", true, null));
            lastArticleAt(db, id, 11, 15);
            tickets.apply(alice, id, new TicketAction.AddNote("Internal", "Noted.", false));
            assertThat(index(db, id)).containsExactly(0, at(13, 0), at(20, 0), at(13, 0));

            // The escalation check with the test's clock: nothing before the update deadline.
            long feedBefore = maxFeedId(db);
            assertThat(checkAt(jotrs, MONDAY_10.withHour(12).withMinute(59))).isZero();
            // At 13:00 the update time escalates: OTRS's event, its history row by the system user, the feed rows.
            assertThat(checkAt(jotrs, MONDAY_10.withHour(13))).isEqualTo(1);
            assertThat(escalationRows(db, id)).containsExactly("EscalationUpdateTimeStart %%EscalationUpdateTimeStart%%triggered by 1");
            assertThat(feedKinds(db, id, feedBefore)).containsExactly("EscalationUpdateTimeStart by 1",
                    "NotificationEscalation by 1");
            // Once: again, from a second instance (another node or after a restart), and later the same day.
            assertThat(checkAt(jotrs, MONDAY_10.withHour(13).withMinute(5))).isZero();
            assertThat(checkAt(jotrs, MONDAY_10.withHour(13).withMinute(10))).isZero();
            // At 18:00 80 % of the solution time has passed: the warning (the update time has no warning share).
            assertThat(checkAt(jotrs, MONDAY_10.withHour(17).withMinute(59))).isZero();
            assertThat(checkAt(jotrs, MONDAY_10.withHour(18))).isEqualTo(1);
            // At 20:00 the solution time escalates; at 22:00 (after hours) nothing would be raised anyway.
            assertThat(checkAt(jotrs, MONDAY_10.withHour(20))).isEqualTo(1);
            assertThat(checkAt(jotrs, MONDAY_10.withHour(22))).isZero();
            assertThat(escalationRows(db, id)).containsExactly(
                    "EscalationUpdateTimeStart %%EscalationUpdateTimeStart%%triggered by 1",
                    "EscalationSolutionTimeNotifyBefore %%EscalationSolutionTimeNotifyBefore%%triggered by 1",
                    "EscalationSolutionTimeStart %%EscalationSolutionTimeStart%%triggered by 1");
            assertThat(feedKinds(db, id, feedBefore)).containsExactly("EscalationUpdateTimeStart by 1",
                    "NotificationEscalation by 1", "EscalationSolutionTimeNotifyBefore by 1",
                    "NotificationEscalationNotifyBefore by 1", "EscalationSolutionTimeStart by 1",
                    "NotificationEscalation by 1");

            // Alice (rw on the queue's group) gets OTRS's escalation notification and warning, each once that
            // day (OncePerDay: the solution's escalation adds no second mail).
            MimeMessage escalated = awaitMail(smtp, "alice@example.com", "Ticket Escalation! Printer on fire");
            assertThat((String) escalated.getContent()).contains("Hi Alice,").contains("Escalated at: 2025-01-06 13:00:00");
            awaitMail(smtp, "alice@example.com", "Ticket Escalation Warning! Printer on fire");
            long end = maxFeedId(db);
            MailServer.await(() -> db.select(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION).from(JOTRS_MAIL_NOTIFICATION_CURSOR)
                    .fetchOne(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION) >= end, WAIT, () -> "feed read to " + end);
            assertThat(db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT, JOTRS_MAIL_NOTIFICATION_SENT.NOTIFICATION_ID.eq(ESCALATION)
                    .and(JOTRS_MAIL_NOTIFICATION_SENT.USER_ID.eq(alice)))).isEqualTo(1);
            assertThat(db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT, JOTRS_MAIL_NOTIFICATION_SENT.NOTIFICATION_ID.eq(WARNING)
                    .and(JOTRS_MAIL_NOTIFICATION_SENT.USER_ID.eq(alice)))).isEqualTo(1);
            assertThat(subjectsTo(smtp, "alice@example.com")).filteredOn(s -> s.contains("Escalation")).hasSize(2);

            // Alice answers at 20:15 and the customer writes again at 20:30: a new update deadline (30 minutes
            // on Monday, 90 on Tuesday), which escalates again, once.
            tickets.apply(alice, id, new TicketAction.AddPhoneCall("Answer", "Try turning it off.", false, null));
            lastArticleAt(db, id, 20, 15);
            tickets.apply(alice, id, new TicketAction.AddPhoneCall("Again", "Now?", true, null));
            lastArticleAt(db, id, 20, 30);
            tickets.apply(alice, id, new TicketAction.AddNote("Internal", "Seen.", false));
            assertThat(index(db, id)[1]).isEqualTo(epoch(MONDAY_10.plusDays(1).withHour(9).withMinute(30)));
            assertThat(checkAt(jotrs, MONDAY_10.plusDays(1).withHour(9).withMinute(30))).isEqualTo(1);
            assertThat(checkAt(jotrs, MONDAY_10.plusDays(1).withHour(9).withMinute(31))).isZero();

            // Closed: no escalation at all; reopened: the solution time stays done, the update clock runs again.
            tickets.apply(alice, id, new TicketAction.ChangeState("closed successful", null));
            assertThat(index(db, id)).containsExactly(0, 0, 0, 0);
            assertThat(checkAt(jotrs, MONDAY_10.plusDays(2))).isZero();
            tickets.apply(alice, id, new TicketAction.ChangeState("open", null));
            int[] reopened = index(db, id);
            assertThat(reopened[0]).isZero();
            assertThat(reopened[1]).isEqualTo(epoch(MONDAY_10.plusDays(1).withHour(9).withMinute(30)));
            assertThat(reopened[2]).isZero();
            assertThat(reopened[3]).isEqualTo(reopened[1]);

            // Moved to a queue without times: none.
            tickets.apply(alice, id, new TicketAction.MoveToQueue(MISC));
            assertThat(index(db, id)).containsExactly(0, 0, 0, 0);

            // The calendar is the administrators' (Admin › Settings): with Monday's hours cut to 10:00-10:30, a
            // first response due an hour after Monday 10:00 is due on Tuesday at 08:30.
            Settings settings = jotrs.bean(Settings.class);
            String monday = CalendarSettings.hoursKey(java.time.DayOfWeek.MONDAY);
            settings.change(ROOT, monday, "10:00-10:30", settings.state(ROOT, monday).version());
            long second = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(RAW, "carla", "Short Monday", "Hi.",
                    null, null, null)).ticketId();
            db.update(TICKET).set(TICKET.CREATE_TIME, MONDAY_10.toLocalDateTime()).where(TICKET.ID.eq(second)).execute();
            db.update(ARTICLE).set(ARTICLE.CREATE_TIME, MONDAY_10.toLocalDateTime()).where(ARTICLE.TICKET_ID.eq(second))
                    .execute();
            tickets.apply(alice, second, new TicketAction.AddNote("Internal", "Rebuild.", false));
            assertThat(index(db, second)[0]).isEqualTo(epoch(MONDAY_10.plusDays(1).withHour(8).withMinute(30)));
        }
    }

    private static int at(int hour, int minute) {
        return epoch(MONDAY_10.withHour(hour).withMinute(minute));
    }

    private static int epoch(ZonedDateTime time) {
        return (int) time.toEpochSecond();
    }

    /** response, update, solution, escalation_time. */
    private static int[] index(DSLContext db, long id) {
        var row = db.select(TICKET.ESCALATION_RESPONSE_TIME, TICKET.ESCALATION_UPDATE_TIME, TICKET.ESCALATION_SOLUTION_TIME,
                TICKET.ESCALATION_TIME).from(TICKET).where(TICKET.ID.eq(id)).fetchSingle();
        return new int[] {row.value1(), row.value2(), row.value3(), row.value4()};
    }

    /** Sets the newest article's time on Monday (the application writes the real time). */
    private static void lastArticleAt(DSLContext db, long ticketId, int hour, int minute) {
        long newest = db.select(org.jooq.impl.DSL.max(ARTICLE.ID)).from(ARTICLE).where(ARTICLE.TICKET_ID.eq(ticketId))
                .fetchSingle().value1();
        db.update(ARTICLE).set(ARTICLE.CREATE_TIME, MONDAY_10.withHour(hour).withMinute(minute).toLocalDateTime())
                .where(ARTICLE.ID.eq(newest)).execute();
    }

    private static int checkAt(RunningJotrs jotrs, ZonedDateTime when) {
        EscalationCheck check = new EscalationCheck(jotrs.bean(DSLContext.class), jotrs.bean(TicketRows.class),
                jotrs.bean(TicketHistory.class), jotrs.bean(ChangeFeed.class), jotrs.bean(TransactionTemplate.class),
                Clock.fixed(when.toInstant(), ZONE), jotrs.bean(CalendarSettings.class));
        return check.run();
    }

    private static long maxFeedId(DSLContext db) {
        return db.fetchOne("SELECT MAX(id) FROM jotrs_change_feed").get(0, Long.class);
    }

    private static List<String> escalationRows(DSLContext db, long id) {
        return db.fetch("SELECT t.name, h.name, h.create_by FROM ticket_history h JOIN ticket_history_type t"
                + " ON t.id = h.history_type_id WHERE h.ticket_id = ? AND t.name LIKE 'Escalation%' ORDER BY h.id", id)
                .map(r -> r.get(0, String.class) + " " + r.get(1, String.class) + " by " + r.get(2, Integer.class));
    }

    private static List<String> feedKinds(DSLContext db, long id, long after) {
        return db.fetch("SELECT change_kind, create_by FROM jotrs_change_feed WHERE ticket_id = ? AND id > ?"
                + " AND (change_kind LIKE 'Escalation%' OR change_kind LIKE 'NotificationEscalation%') ORDER BY id", id, after)
                .map(r -> r.get(0, String.class) + " by " + r.get(1, Integer.class));
    }

    private static MimeMessage awaitMail(MailServer smtp, String to, String subjectPart) {
        MailServer.await(() -> find(smtp, to, subjectPart) != null, WAIT, () -> "a mail to " + to + " about " + subjectPart);
        return find(smtp, to, subjectPart);
    }

    private static MimeMessage find(MailServer smtp, String to, String subjectPart) {
        for (MimeMessage message : smtp.received()) {
            try {
                if (java.util.Arrays.toString(message.getAllRecipients()).contains(to)
                        && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private static List<String> subjectsTo(MailServer smtp, String to) throws MessagingException {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.received()) {
            if (java.util.Arrays.toString(message.getAllRecipients()).contains(to)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}
