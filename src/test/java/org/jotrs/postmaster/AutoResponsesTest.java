package org.jotrs.postmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOOP_PROTECTION;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.ArticleView;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Assertions;

/**
 * Auto responses per queue against a real SMTP server: the auto reply to a new ticket and the
 * auto follow up, threaded and marked as automatic; none to bulk mail, to MAILER-DAEMON, to
 * another auto-responder (so two of them never loop) or to our own address, each with the reason
 * in the history; and at most the daily number per address (OTRS's loop protection).
 */
class AutoResponsesTest {

    private static final int ROOT = 1;
    private static final int RAW = 2;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryDatabase
    void autoResponsesAnswerPeopleAndNeverLoop(DatabaseKind kind) throws Exception {
        try (MailServer mail = MailServer.start("smtp");
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + mail.smtpPort(), "--jotrs.mail.outbox.poll-interval=100ms",
                        "--jotrs.scheduler.polling-interval=100ms", "--jotrs.postmaster.max-auto-responses-per-day=2")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Postmaster postmaster = jotrs.bean(Postmaster.class);
            ArticleService articles = jotrs.bean(ArticleService.class);
            AutoResponseAdministration admin = jotrs.bean(AutoResponseAdministration.class);

            InvalidInput refused = Assertions.assertThrows(InvalidInput.class, () -> admin.create(ROOT,
                    new AutoResponseSettings("", "auto answer", 999, "", "", null, 1, Set.of(RAW))));
            assertThat(refused.errors()).containsKeys("name", "type", "systemAddressId", "subject", "body");
            admin.create(ROOT, new AutoResponseSettings("Raw: received", "auto reply", 1, "RE: <OTRS_CUSTOMER_SUBJECT[10]>",
                    "Dear <OTRS_CUSTOMER_REALNAME>, your ticket <OTRS_TICKET_TicketNumber> is open.\n\nYou wrote:\n<OTRS_CUSTOMER_EMAIL[1]>",
                    null, 1, Set.of(RAW)));
            admin.create(ROOT, new AutoResponseSettings("Raw: follow-up", "auto follow up", 1, "Thanks for your answer",
                    "We have your follow-up.", null, 1, Set.of(RAW)));
            assertThat(admin.autoResponses(ROOT)).filteredOn(s -> s.name().startsWith("Raw:"))
                    .allSatisfy(s -> assertThat(s.queues()).containsExactly("Raw"));

            Delivery.Stored first = stored(postmaster.deliver(raw("From: Carla Customer <carla@example.com>\nTo: desk@example.com\n"
                    + "Subject: Printer on floor 3 is broken\nMessage-ID: <printer@example.com>\n\nIt says Error 42.\nSecond line.\n")));
            List<MimeMessage> sent = mail.awaitReceived(1, WAIT);
            MimeMessage reply = sent.getFirst();
            assertThat(reply.getAllRecipients()[0].toString()).isEqualTo("carla@example.com");
            assertThat(reply.getSubject()).contains("[Ticket#" + first.ticketNumber() + "]").contains("Printer on[...]");
            assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
            assertThat(reply.getHeader("X-Loop", null)).isEqualTo("jotrs@localhost");
            assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<printer@example.com>");
            assertThat(reply.getFrom()[0].toString()).contains("jotrs@localhost");
            String text = ((String) reply.getContent()).replace("\r\n", "\n");
            assertThat(text).contains("Dear Carla Customer, your ticket " + first.ticketNumber() + " is open.", "> It says Error 42.")
                    .doesNotContain("Second line");
            List<ArticleView> thread = articles.articlesOf(first.ticketId());
            assertThat(thread).hasSize(2);
            assertThat(thread.get(1).sender().otrsName()).isEqualTo("system");
            assertThat(history(db, first.ticketId())).contains("SendAutoReply %%carla@example.com");

            // A bounce of that auto reply (a delivery report carrying it) goes to its ticket and is not answered.
            Delivery.Stored bounce = stored(postmaster.deliver(raw("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\n"
                    + "To: jotrs@localhost\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
                    + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn\"\n\n"
                    + "--dsn\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
                    + "--dsn\nContent-Type: message/delivery-status\n\nAction: failed\nStatus: 5.1.1\n\n"
                    + "--dsn\nContent-Type: message/rfc822\n\nFrom: jotrs@localhost\nTo: carla@example.com\nSubject: Anything\n"
                    + "Message-ID: " + reply.getMessageID() + "\n\nWe have your mail.\n--dsn--\n")));
            assertThat(bounce.ticketId()).isEqualTo(first.ticketId());
            assertThat(bounce.newTicket()).isFalse();
            assertThat(history(db, first.ticketId())).contains("Misc Sent no auto response: the mail is a delivery report");

            // Mail that must not be answered: each ticket says why, and nothing is sent.
            Delivery.Stored bulk = stored(postmaster.deliver(raw("From: news@shop.example\nTo: desk@example.com\nSubject: Sale\n"
                    + "Precedence: bulk\n\nBuy now.\n")));
            Delivery.Stored daemon = stored(postmaster.deliver(raw("From: MAILER-DAEMON@mx.example\nTo: desk@example.com\n"
                    + "Subject: Undeliverable\n\nGone.\n")));
            Delivery.Stored responder = stored(postmaster.deliver(raw("From: other-helpdesk@partner.example\nTo: desk@example.com\n"
                    + "Subject: [Ticket#777] We got your mail\nAuto-Submitted: auto-replied\n\nThanks, we will answer.\n")));
            Delivery.Stored ourselves = stored(postmaster.deliver(raw("From: jotrs@localhost\nTo: desk@example.com\n"
                    + "Subject: Looped back\n\nx\n")));
            assertThat(history(db, bulk.ticketId())).contains("Misc Sent no auto response: the mail has Precedence: bulk");
            assertThat(history(db, daemon.ticketId())).anyMatch(h -> h.contains("is a mail system, not a person"));
            assertThat(history(db, responder.ticketId())).contains("Misc Sent no auto response: the mail is Auto-Submitted: auto-replied");
            assertThat(history(db, ourselves.ticketId())).anyMatch(h -> h.contains("one of our own system addresses"));
            for (Delivery.Stored quiet : List.of(bulk, daemon, responder, ourselves)) {
                assertThat(articles.articlesOf(quiet.ticketId())).hasSize(1);
            }

            // A follow-up gets the auto follow up: the second auto response to Carla today.
            postmaster.deliver(raw("From: carla@example.com\nTo: desk@example.com\nSubject: Re: [Ticket#" + first.ticketNumber()
                    + "] Printer\nMessage-ID: <printer-2@example.com>\n\nStill broken.\n"));
            MailServer.await(() -> mail.received().size() == 2, WAIT, () -> "the auto follow up");
            assertThat(mail.received().get(1).getSubject()).contains("Thanks for your answer");
            assertThat(history(db, first.ticketId())).contains("SendAutoFollowUp %%carla@example.com");

            // The third one today is held back by the loop protection.
            Delivery.Stored third = stored(postmaster.deliver(raw("From: carla@example.com\nTo: desk@example.com\n"
                    + "Subject: Another thing\n\nAlso the scanner.\n")));
            assertThat(history(db, third.ticketId())).contains("LoopProtection %%carla@example.com");
            assertThat(articles.articlesOf(third.ticketId())).hasSize(1);
            assertThat(db.fetchCount(TICKET_LOOP_PROTECTION, TICKET_LOOP_PROTECTION.SENT_TO.eq("carla@example.com"))).isEqualTo(2);
            // Nothing else waits in the outbox (a mail leaves it once the server took it), so nothing more comes.
            MailServer.await(() -> db.fetchCount(JOTRS_MAIL_OUTBOX) == 0, WAIT, () -> "the outbox emptied");
            assertThat(mail.received()).hasSize(2);
        }
    }

    private static Delivery.Stored stored(Delivery delivery) {
        assertThat(delivery).isInstanceOf(Delivery.Stored.class);
        return (Delivery.Stored) delivery;
    }

    private static List<String> history(DSLContext db, long ticketId) {
        return db.select(TICKET_HISTORY_TYPE.NAME, TICKET_HISTORY.NAME).from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId)).orderBy(TICKET_HISTORY.ID)
                .fetch(r -> r.value1() + " " + r.value2());
    }

    private static byte[] raw(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
