package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_CURSOR;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_SENT;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.DatabaseKind;
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
 * The queues' unlock timeout acted on, with a clock the test sets: a ticket locked longer than its
 * queue's timeout in working hours (OTRS's default calendar: Monday to Friday 08:00–21:00) is
 * unlocked by the system user with OTRS's history row ({@code Unlock} "%%unlock"), a change feed
 * row, and OTRS's lock timeout notification to its owner by mail; not a minute early, not over the
 * weekend, not in a pending state, not in a queue without a timeout, and not after its owner
 * answered meanwhile.
 */
class UnlockTimeoutsTest {

    private static final int ROOT = 1;
    private static final int USERS_GROUP = 1;
    private static final int RAW = 2;
    private static final int MISC = 4;
    /** OTRS's "Ticket lock timeout notification" of the initial data. */
    private static final int LOCK_TIMEOUT = 4;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryDatabase
    void lockedTicketsAreUnlockedAfterTheirQueuesTimeoutInWorkingHours(DatabaseKind kind) throws Exception {
        try (MailServer smtp = MailServer.start("smtp");
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + smtp.smtpPort(), "--jotrs.mail.outbox.poll-interval=100ms",
                        "--jotrs.mail.notifications.poll-interval=100ms", "--jotrs.scheduler.polling-interval=100ms",
                        // The application's own run uses the real clock; the test runs the job with its own.
                        "--jotrs.ticket.unlock-timeout.poll-interval=1000d")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Agents.customerCarla(db);
            int alice = Agents.agent(db, "alice", "Alice", "Owner");
            Agents.grant(db, alice, USERS_GROUP, "rw");
            db.execute("INSERT INTO user_preferences (user_id, preferences_key, preferences_value) VALUES (?, 'UserEmail', ?)",
                    alice, "alice@example.com");
            db.execute("UPDATE queue SET unlock_timeout = 60 WHERE id = ?", RAW);
            MailServer.await(() -> db.fetchCount(JOTRS_MAIL_NOTIFICATION_CURSOR) == 1, WAIT, () -> "notifier started");

            long monday = lockedByAlice(tickets, alice, RAW, "Monday morning");
            long friday = lockedByAlice(tickets, alice, RAW, "Friday evening");
            long pending = lockedByAlice(tickets, alice, RAW, "Waiting for parts");
            tickets.apply(alice, pending, new TicketAction.ChangeState("pending reminder", LocalDateTime.now().plusDays(3)));
            long noTimeout = lockedByAlice(tickets, alice, MISC, "Queue without timeout");
            long answered = lockedByAlice(tickets, alice, RAW, "Answered meanwhile");
            // Locked on Monday 6 January 2031 at 10:00, Friday 10 January at 20:30 (Berlin time).
            ZonedDateTime mondayTen = ZonedDateTime.of(2031, 1, 6, 10, 0, 0, 0, BERLIN);
            lockedAt(db, mondayTen, monday, pending, noTimeout, answered);
            lockedAt(db, ZonedDateTime.of(2031, 1, 10, 20, 30, 0, 0, BERLIN), friday);

            // 59 minutes later: nothing yet.
            assertThat(runAt(jotrs, mondayTen.plusMinutes(59))).isZero();
            assertThat(lockOf(db, monday)).isEqualTo("lock");

            // The owner writes a note at 10:30: that restarts the ticket's timeout (OTRS's
            // TicketUnlockTimeoutUpdate); the application's clock is the real one, so set it as it would.
            lockedAt(db, mondayTen.plusMinutes(30), answered);

            long feedBefore = maxFeedId(db);
            assertThat(runAt(jotrs, mondayTen.plusMinutes(60))).isEqualTo(1);
            assertThat(lockOf(db, monday)).isEqualTo("unlock");
            assertThat(ownerOf(db, monday)).isEqualTo(alice);
            assertThat(lockOf(db, pending)).isEqualTo("lock");
            assertThat(lockOf(db, noTimeout)).isEqualTo("lock");
            assertThat(lockOf(db, answered)).isEqualTo("lock");
            assertThat(unlockRows(db, monday)).containsExactly("%%unlock by " + ROOT);
            assertThat(db.fetch("SELECT change_kind, create_by FROM jotrs_change_feed WHERE ticket_id = ? AND id > ?",
                    monday, feedBefore).map(r -> r.get(0, String.class) + " by " + r.get(1, Integer.class)))
                    .containsExactly("TicketLockUpdate by " + ROOT);

            // The owner is told, with OTRS's text, once.
            MimeMessage told = awaitMail(smtp, "alice@example.com", "Ticket Lock Timeout: Monday morning");
            assertThat(((String) told.getContent())).contains("Hi Alice,").contains("has reached its lock timeout period");
            // The one that was answered at 10:30 goes at 11:30; a second run does nothing more.
            assertThat(runAt(jotrs, mondayTen.plusMinutes(89))).isZero();
            assertThat(runAt(jotrs, mondayTen.plusMinutes(90))).isEqualTo(1);
            assertThat(lockOf(db, answered)).isEqualTo("unlock");
            assertThat(runAt(jotrs, mondayTen.plusMinutes(91))).isZero();
            awaitMail(smtp, "alice@example.com", "Ticket Lock Timeout: Answered meanwhile");

            // Friday 20:30 + 60 working minutes: 30 on Friday until 21:00, none on the weekend, 30 on Monday from 08:00.
            ZonedDateTime nextMonday = ZonedDateTime.of(2031, 1, 13, 8, 0, 0, 0, BERLIN);
            assertThat(runAt(jotrs, ZonedDateTime.of(2031, 1, 12, 23, 0, 0, 0, BERLIN))).isZero();
            assertThat(runAt(jotrs, nextMonday.plusMinutes(29))).isZero();
            assertThat(lockOf(db, friday)).isEqualTo("lock");
            assertThat(runAt(jotrs, nextMonday.plusMinutes(30))).isEqualTo(1);
            assertThat(lockOf(db, friday)).isEqualTo("unlock");
            awaitMail(smtp, "alice@example.com", "Ticket Lock Timeout: Friday evening");
            // Neither the pending ticket nor the one in a queue without a timeout, even a year on.
            assertThat(runAt(jotrs, nextMonday.plusYears(1))).isZero();
            assertThat(lockOf(db, pending)).isEqualTo("lock");
            assertThat(lockOf(db, noTimeout)).isEqualTo("lock");

            // An agent who unlocks their own ticket is not told (OTRS leaves the acting owner out).
            tickets.apply(alice, noTimeout, new TicketAction.Unlock());
            long end = maxFeedId(db);
            MailServer.await(() -> db.select(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION).from(JOTRS_MAIL_NOTIFICATION_CURSOR)
                    .fetchOne(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION) >= end, WAIT, () -> "feed read to " + end);
            assertThat(db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT, JOTRS_MAIL_NOTIFICATION_SENT.NOTIFICATION_ID.eq(LOCK_TIMEOUT)))
                    .isEqualTo(3);
            assertThat(subjectsTo(smtp, "alice@example.com")).filteredOn(s -> s.contains("Lock Timeout")).hasSize(3);
        }
    }

    private static long maxFeedId(DSLContext db) {
        return db.fetchOne("SELECT MAX(id) FROM jotrs_change_feed").get(0, Long.class);
    }

    private static int runAt(RunningJotrs jotrs, ZonedDateTime when) {
        UnlockTimeouts timeouts = new UnlockTimeouts(jotrs.bean(DSLContext.class), jotrs.bean(TicketRows.class),
                jotrs.bean(TicketLookups.class), jotrs.bean(TicketHistory.class), jotrs.bean(ChangeFeed.class),
                jotrs.bean(TransactionTemplate.class), Clock.fixed(when.toInstant(), BERLIN),
                jotrs.bean(CalendarSettings.class));
        return timeouts.run();
    }

    private static long lockedByAlice(TicketService tickets, int alice, int queue, String title) {
        long id = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(queue, "carla", title, "Please help.", null, null, null))
                .ticketId();
        tickets.apply(ROOT, id, new TicketAction.ChangeOwner(alice));
        return id;
    }

    private static void lockedAt(DSLContext db, ZonedDateTime when, long... ids) {
        for (long id : ids) {
            db.update(TICKET).set(TICKET.TIMEOUT, (int) when.toEpochSecond()).where(TICKET.ID.eq(id)).execute();
        }
    }

    private static String lockOf(DSLContext db, long id) {
        return db.fetchOne("SELECT l.name FROM ticket t JOIN ticket_lock_type l ON l.id = t.ticket_lock_id WHERE t.id = ?",
                id).get(0, String.class);
    }

    private static int ownerOf(DSLContext db, long id) {
        return db.select(TICKET.USER_ID).from(TICKET).where(TICKET.ID.eq(id)).fetchSingle().value1();
    }

    private static List<String> unlockRows(DSLContext db, long id) {
        return db.fetch("SELECT h.name, h.create_by FROM ticket_history h JOIN ticket_history_type t"
                + " ON t.id = h.history_type_id WHERE h.ticket_id = ? AND t.name = 'Unlock' ORDER BY h.id", id)
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
