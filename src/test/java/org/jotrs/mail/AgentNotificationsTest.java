package org.jotrs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_CURSOR;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_GAP;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_SENT;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AgentPreferences;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OTRS's standard notifications ({@code notification_event} rows of the initial data) reach the
 * agents they name, over real SMTP (GreenMail), driven by the change feed: a new ticket to the
 * agents with the queue in "My Queues" who may read it, an owner change to the new owner, a note
 * to the watchers, a move to "My Queues", a pending reminder once per day; never to the agent who
 * made the change, never for a change that rolled back, never twice when the feed is read again,
 * and not to an agent who turned the notification off.
 */
class AgentNotificationsTest {

    private static final int ROOT = 1;
    private static final int USERS_GROUP = 1;
    private static final int RAW = 2;
    private static final int MISC = 4;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryDatabase
    void standardNotificationsReachTheRightAgentsOnce(DatabaseKind kind) throws Exception {
        try (MailServer smtp = MailServer.start("smtp");
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + smtp.smtpPort(), "--jotrs.mail.outbox.poll-interval=100ms",
                        "--jotrs.mail.notifications.poll-interval=100ms",
                        "--jotrs.mail.notifications.public-url=https://desk.example.com",
                        "--jotrs.scheduler.polling-interval=100ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Agents.customerCarla(db);
            int alice = agentWithMail(db, "alice", "Alice", "Owner");
            int bob = agentWithMail(db, "bob", "Bob", "Queue");
            int carol = agentWithMail(db, "carol", "Carol", "Watcher");
            int dave = agentWithMail(db, "dave", "Dave", "Outsider");
            for (int agent : List.of(alice, bob, carol)) {
                Agents.grant(db, agent, USERS_GROUP, "rw");
            }
            // Bob and Dave have Raw among their "My Queues"; Dave may not read it.
            db.execute("INSERT INTO personal_queues (user_id, queue_id) VALUES (?, ?), (?, ?)", bob, RAW, dave, RAW);
            // The notifier starts at the feed's end; wait until it has, so the ticket below is news.
            MailServer.await(() -> db.fetchCount(JOTRS_MAIL_NOTIFICATION_CURSOR) == 1, WAIT, () -> "notifier started");

            // A new ticket in Raw: "Ticket create notification" to Bob (My Queues), not to Dave (no
            // permission), not to root who created it.
            CreatedTicket ticket = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(RAW, "carla", "Printer on fire",
                    "Smoke from tray 2.\nSecond line.", null, null, null));
            MimeMessage created = awaitMail(smtp, "bob@example.com", "Ticket Created: Printer on fire");
            assertThat(created.getSubject()).isEqualTo("[Ticket#" + ticket.ticketNumber() + "] Ticket Created: Printer on fire");
            assertThat(created.getFrom()[0].toString()).isEqualTo("Jotrs Notifications <jotrs@localhost>");
            assertThat(created.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
            String body = ((String) created.getContent()).replace("\r\n", "\n");
            assertThat(body).startsWith("Hi Bob,")
                    .contains("ticket [Ticket#" + ticket.ticketNumber() + "] has been created in queue Raw.")
                    .contains("https://desk.example.com/index.pl?Action=AgentTicketZoom;TicketID=" + ticket.ticketId())
                    .contains("-- Jotrs Notifications")
                    .doesNotContain("<OTRS_");

            // Owner change by root: "Ticket owner update notification" to Alice, the new owner.
            tickets.apply(ROOT, ticket.ticketId(), new TicketAction.ChangeOwner(alice));
            MimeMessage owner = awaitMail(smtp, "alice@example.com", "Ticket Owner Update to Alice Owner: Printer on fire");
            assertThat(((String) owner.getContent())).contains("Hi Alice,");

            // Carol watches; Alice adds a note: the note goes to Carol (watcher), not to Alice, its author.
            tickets.apply(carol, ticket.ticketId(), new TicketAction.Watch());
            tickets.apply(alice, ticket.ticketId(), new TicketAction.AddNote("Checked the tray", "Toner leak.", false));
            MimeMessage note = awaitMail(smtp, "carol@example.com", "Ticket Note: Checked the tray");
            assertThat(((String) note.getContent())).contains("Toner leak.");

            // An owner change that rolls back notifies nobody; the move after it does (Bob: My Queues).
            TransactionTemplate transactions = jotrs.bean(TransactionTemplate.class);
            transactions.executeWithoutResult(status -> {
                tickets.apply(ROOT, ticket.ticketId(), new TicketAction.ChangeOwner(bob));
                status.setRollbackOnly();
            });
            tickets.apply(ROOT, ticket.ticketId(), new TicketAction.MoveToQueue(MISC));
            tickets.apply(ROOT, ticket.ticketId(), new TicketAction.MoveToQueue(RAW));
            awaitMail(smtp, "bob@example.com", "Ticket Queue Update to Raw: Printer on fire");
            assertThat(subjectsTo(smtp, "bob@example.com")).noneMatch(subject -> subject.contains("Owner Update"));

            // Nothing went to Dave or root; Alice got nothing for her own note.
            assertThat(subjectsTo(smtp, "dave@example.com")).isEmpty();
            assertThat(subjectsTo(smtp, "alice@example.com")).noneMatch(subject -> subject.contains("Ticket Note"));

            // Reading the feed again (a crash before the position was stored) sends nothing twice.
            awaitFeedRead(db);
            long sentRows = db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT);
            db.update(JOTRS_MAIL_NOTIFICATION_CURSOR).set(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION, 0L).execute();
            awaitFeedRead(db);
            assertThat(db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT)).isEqualTo(sentRows);
            // The move to Misc, followed by the move back before or after the notifier read it, is
            // not announced as a second move to Raw (the mail names the ticket's queue as it is now).
            assertThat(subjectsTo(smtp, "bob@example.com")).filteredOn(subject -> subject.contains("Queue Update"))
                    .hasSize(1);
            // Each mail is on its ticket's history as OTRS writes it: SendAgentNotification,
            // "%%<notification>%%<login>%%Email", by the agent whose change raised it.
            assertThat(db.fetch("SELECT h.name, h.create_by FROM ticket_history h JOIN ticket_history_type t"
                    + " ON t.id = h.history_type_id WHERE t.name = 'SendAgentNotification' AND h.ticket_id = ?"
                    + " ORDER BY h.id", ticket.ticketId()).map(r -> r.get(0, String.class) + " by " + r.get(1, Integer.class)))
                    .containsExactly("%%Ticket create notification%%bob%%Email by " + ROOT,
                            "%%Ticket owner update notification%%alice%%Email by " + ROOT,
                            "%%Ticket new note notification%%carol%%Email by " + alice,
                            "%%Ticket queue update notification%%bob%%Email by " + ROOT);

            // Bob turns the "new ticket" notification (1) off: the next ticket in Raw does not reach him,
            // while the move notification he kept still does.
            AgentPreferences preferences = jotrs.bean(AgentPreferences.class);
            AgentPreferences.Settings settings = preferences.settings(bob);
            int moveNotification = 8;
            preferences.saveSettings(bob, new AgentPreferences.Settings(settings.language(), settings.timeZone(),
                    settings.theme(), Set.of(moveNotification)));
            CreatedTicket quiet = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(MISC, "carla", "Quiet one", "Hush.",
                    null, null, null));
            tickets.createPhoneTicket(ROOT, new NewPhoneTicket(RAW, "carla", "Unheard", "Nobody hears this.", null, null, null));
            tickets.apply(ROOT, quiet.ticketId(), new TicketAction.MoveToQueue(RAW));
            awaitMail(smtp, "bob@example.com", "Ticket Queue Update to Raw: Quiet one");
            assertThat(subjectsTo(smtp, "bob@example.com")).noneMatch(subject -> subject.contains("Unheard"));
            assertThat(db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT)).isEqualTo(sentRows + 1);

            // A pending reminder whose time has come: Alice (owner) is reminded, once that day.
            tickets.apply(ROOT, ticket.ticketId(), new TicketAction.ChangeState("pending reminder",
                    java.time.LocalDateTime.now().plusDays(1)));
            db.update(TICKET).set(TICKET.UNTIL_TIME, (int) Instant.now().minusSeconds(60).getEpochSecond())
                    .where(TICKET.ID.eq(ticket.ticketId())).execute();
            awaitMail(smtp, "alice@example.com", "Pending Reminder Time Reached: Printer on fire");
            long reminders = db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT, JOTRS_MAIL_NOTIFICATION_SENT.EVENT_KEY.like("pending:%"));
            // Several runs later there are no more reminders for the day.
            tickets.apply(ROOT, quiet.ticketId(), new TicketAction.ChangePriority("4 high"));
            tickets.apply(ROOT, quiet.ticketId(), new TicketAction.ChangePriority("5 very high"));
            awaitFeedRead(db);
            assertThat(db.fetchCount(JOTRS_MAIL_NOTIFICATION_SENT, JOTRS_MAIL_NOTIFICATION_SENT.EVENT_KEY.like("pending:%")))
                    .isEqualTo(reminders).isPositive();
        }
    }

    /**
     * Until the notifier has handled every change written so far: its position is at the end, and
     * no id it still waits for (a gap) is a committed row; the id of the rolled-back change stays a
     * gap, as it never appears.
     */
    private static void awaitFeedRead(DSLContext db) {
        long end = db.select(DSL.max(JOTRS_CHANGE_FEED.ID)).from(JOTRS_CHANGE_FEED).fetchOne(0, Long.class);
        MailServer.await(() -> db.select(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION).from(JOTRS_MAIL_NOTIFICATION_CURSOR)
                .fetchOne(JOTRS_MAIL_NOTIFICATION_CURSOR.FEED_POSITION) >= end
                && db.fetchCount(JOTRS_CHANGE_FEED, JOTRS_CHANGE_FEED.ID.in(DSL.select(JOTRS_MAIL_NOTIFICATION_GAP.FEED_ID)
                        .from(JOTRS_MAIL_NOTIFICATION_GAP))) == 0, WAIT, () -> "the notifier read the feed to id " + end);
    }

    private static int agentWithMail(DSLContext db, String login, String first, String last) {
        int id = Agents.agent(db, login, first, last);
        db.execute("INSERT INTO user_preferences (user_id, preferences_key, preferences_value) VALUES (?, 'UserEmail', ?)",
                id, login + "@example.com");
        return id;
    }

    private static MimeMessage awaitMail(MailServer smtp, String to, String subjectPart) {
        MailServer.await(() -> find(smtp, to, subjectPart) != null, WAIT,
                () -> "a mail to " + to + " about '" + subjectPart + "'; got " + describe(smtp));
        return find(smtp, to, subjectPart);
    }

    private static MimeMessage find(MailServer smtp, String to, String subjectPart) {
        for (MimeMessage message : smtp.received()) {
            try {
                if (recipients(message).contains(to) && message.getSubject().contains(subjectPart)) {
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
            if (recipients(message).contains(to)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] all = message.getAllRecipients();
        return all == null ? "" : java.util.Arrays.toString(all);
    }

    private static String describe(MailServer smtp) {
        List<String> lines = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.received()) {
            try {
                lines.add(recipients(message) + " " + message.getSubject());
            } catch (MessagingException e) {
                lines.add(e.toString());
            }
        }
        return lines.toString();
    }
}
