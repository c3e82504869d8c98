package org.jotrs.postmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_QUARANTINE;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.ArticleView;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.TicketService;

/**
 * Mail accounts against a real server (GreenMail IMAP and POP3): new tickets, follow-ups by ticket
 * number and by In-Reply-To (reopening a closed ticket), trusted X-OTRS headers, a message without
 * sender quarantined while the others go on, the same message never stored twice, and every
 * handled message deleted from the server only after it was stored.
 */
class MailFetchingTest {

    private static final int ROOT = 1;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryDatabase
    void mailBecomesTicketsAndFollowUps(DatabaseKind kind) throws Exception {
        try (MailServer mail = MailServer.start("smtp", "imap", "pop3");
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + mail.smtpPort(), "--jotrs.mail.outbox.poll-interval=100ms",
                        "--jotrs.postmaster.poll-interval=200ms", "--jotrs.scheduler.polling-interval=100ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            ArticleService articles = jotrs.bean(ArticleService.class);
            Agents.customerCarla(db);
            GreenMailUser desk = mail.greenMail().setUser("desk@example.com", "desk", "desk-pw");
            GreenMailUser support = mail.greenMail().setUser("support@example.com", "support", "support-pw");
            int imapPort = mail.greenMail().getImap().getPort();
            int pop3Port = mail.greenMail().getPop3().getPort();
            // An IMAP account dispatching by recipient (queue 0), trusted; a POP3 account for queue Misc (4).
            account(db, 1, "desk", "desk-pw", "IMAP", 0, 1, imapPort);
            account(db, 2, "support", "support-pw", "POP3", 4, 0, pop3Port);

            deliver(desk, """
                    From: Carla Customer <carla@example.com>
                    To: desk@example.com
                    Subject: Printer broken
                    Message-ID: <first@example.com>
                    Content-Type: text/plain; charset=ISO-8859-1
                    Content-Transfer-Encoding: quoted-printable

                    The printer on floor 3 says =C4rger.
                    """);
            deliver(desk, """
                    To: desk@example.com
                    Subject: Who sent me?

                    No sender at all.
                    """);
            deliver(desk, """
                    From: boss@example.org
                    To: desk@example.com
                    Subject: Urgent: servers
                    X-OTRS-Queue: Misc
                    X-OTRS-Priority: 5 very high
                    Message-ID: <boss@example.org>

                    All down.
                    """);
            String untrustedX = """
                    From: someone@example.net
                    To: support@example.com
                    Subject: Via POP3
                    X-OTRS-Queue: Raw
                    Message-ID: <pop@example.net>

                    Hello POP.
                    """;
            deliver(support, untrustedX);

            MailServer.await(() -> db.fetchCount(TICKET) == 3 && db.fetchCount(JOTRS_MAIL_QUARANTINE) == 1, WAIT,
                    () -> "3 tickets and 1 quarantined, have " + db.fetchCount(TICKET) + "/" + db.fetchCount(JOTRS_MAIL_QUARANTINE));
            MailServer.await(() -> mail.greenMail().getReceivedMessagesForDomain("desk@example.com").length == 0
                    && mail.greenMail().getReceivedMessagesForDomain("support@example.com").length == 0, WAIT,
                    () -> "messages deleted on the server");

            long printer = ticketIdByTitle(db, "Printer broken");
            TicketDetails details = tickets.details(ROOT, printer);
            assertThat(details.queue()).isEqualTo("Raw");
            assertThat(details.customerUser()).isEqualTo("carla");
            ArticleView first = details.articles().getFirst();
            assertThat(first.sender().otrsName()).isEqualTo("customer");
            assertThat(first.channel()).isEqualTo("Email");
            assertThat(first.body()).contains("says Ärger");
            assertThat(new String(articles.rawMessage(first.id()).orElseThrow(), StandardCharsets.US_ASCII))
                    .contains("Message-ID: <first@example.com>");
            assertThat(tickets.details(ROOT, ticketIdByTitle(db, "Urgent: servers")))
                    .satisfies(t -> {
                        assertThat(t.queue()).isEqualTo("Misc");
                        assertThat(t.priority()).isEqualTo("5 very high");
                    });
            // POP3 account: untrusted, so its X-OTRS-Queue is ignored and the account's queue holds.
            assertThat(tickets.details(ROOT, ticketIdByTitle(db, "Via POP3")).queue()).isEqualTo("Misc");
            var quarantined = jotrs.bean(MailQuarantine.class).entries(ROOT, 10);
            assertThat(quarantined).singleElement().satisfies(q -> {
                assertThat(q.subject()).isEqualTo("Who sent me?");
                assertThat(q.error()).contains("no sender");
            });

            // The same message again (a crash between our commit and the server's delete): not stored twice.
            deliver(support, untrustedX);
            MailServer.await(() -> mail.greenMail().getReceivedMessagesForDomain("support@example.com").length == 0, WAIT,
                    () -> "duplicate deleted");
            assertThat(db.fetchCount(TICKET)).isEqualTo(3);

            // Follow-up by ticket number in the subject.
            String number = details.number();
            deliver(desk, "From: carla@example.com\nTo: desk@example.com\nSubject: Re: [Ticket#" + number
                    + "] Printer broken\nMessage-ID: <second@example.com>\n\nStill broken.\n");
            MailServer.await(() -> articles.articlesOf(printer).size() == 2, WAIT, () -> "follow-up by number");

            // The agent answers and closes; the customer answers the reply without the number: reopened.
            tickets.apply(ROOT, printer, new TicketAction.SendMail(TicketAction.MailKind.REPLY, first.id(),
                    "carla@example.com", "", "", "Re: Printer broken", "Fixed it.", null));
            tickets.apply(ROOT, printer, new TicketAction.ChangeState("closed successful", null));
            // Other messages may already sit on the server: wait for the one to Carla itself.
            MailServer.await(() -> mail.received().stream().anyMatch(m -> address(m).contains("carla@example.com")), WAIT,
                    () -> "the reply to carla");
            MimeMessage answer = mail.received().stream()
                    .filter(m -> address(m).contains("carla@example.com")).findFirst().orElseThrow();
            deliver(desk, "From: carla@example.com\nTo: desk@example.com\nSubject: Re: thanks\nIn-Reply-To: "
                    + answer.getMessageID() + "\nMessage-ID: <third@example.com>\n\nIt broke again.\n");
            MailServer.await(() -> "open".equals(tickets.details(ROOT, printer).state()), WAIT, () -> "reopened");
            assertThat(articles.articlesOf(printer)).hasSize(4);
            assertThat(db.fetchCount(TICKET)).isEqualTo(3);
            assertThat(db.fetchCount(ARTICLE)).isEqualTo(6);
        }
    }

    private static String address(MimeMessage message) {
        try {
            return java.util.Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static long ticketIdByTitle(DSLContext db, String title) {
        return db.select(TICKET.ID).from(TICKET).where(TICKET.TITLE.eq(title)).fetchSingle().value1();
    }

    static void deliver(GreenMailUser user, String raw) throws Exception {
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes)));
    }

    static void account(DSLContext db, int id, String login, String password, String type, int queueId, int trusted, int port) {
        db.execute("INSERT INTO mail_account (id, login, pw, host, account_type, queue_id, trusted, imap_folder,"
                + " authentication_type, valid_id, create_time, create_by, change_time, change_by)"
                + " VALUES (?, ?, ?, '127.0.0.1', ?, ?, ?, 'INBOX', 'password', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)",
                id, login, password, type, queueId, trusted);
        db.execute("INSERT INTO jotrs_mail_account_setting (account_id, port, after_fetch) VALUES (?, ?, 'delete')", id, port);
    }
}
