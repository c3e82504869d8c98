package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;
import static org.jotrs.platform.db.schema.Tables.LINK_RELATION;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_WATCHER;
import static org.jotrs.platform.db.schema.Tables.TIME_ACCOUNTING;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Customers;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketAction.LinkType;
import org.jotrs.ticket.TicketAction.MailKind;

/**
 * Reply and forward through the mail queue, phone calls, time accounting, title, type, customer,
 * responsible, watching, links and merging, on every database: rows, OTRS history, feed, and
 * refusals that write nothing.
 */
class TicketWorkflowTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void theWholeWorkflowWritesWhatOtrsWrites(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            customer(db, "carla", "carla@example.com", "ACME");
            customer(db, "dave", "dave@example.org", "BETA");
            int reader = agent(db, "reader", "ro");
            long first = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "Printer jams", "It jams.", null,
                    null, null)).ticketId();
            long second = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "Printer jams again", "Again.",
                    null, null, null)).ticketId();
            String firstNumber = db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(first)).fetchSingle().value1();
            String secondNumber = db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(second)).fetchSingle().value1();

            // Reply: drafted to the customer with the number in the subject, stored as email article, queued.
            MailDraft draft = tickets.mailDraft(ROOT, first, MailKind.REPLY, null, null);
            assertThat(draft.to()).isEqualTo("\"Carla Customer\" <carla@example.com>");
            assertThat(draft.subject()).isEqualTo("RE: [Ticket#" + firstNumber + "] Printer jams");
            assertThat(draft.body()).contains("> It jams.").startsWith("Dear Carla Customer,")
                    .contains("Your Ticket-Team").contains(" Admin OTRS");
            assertThat(draft.templates()).extracting(t -> t.name()).containsExactly("empty answer");
            db.execute("INSERT INTO queue_standard_template (queue_id, standard_template_id, create_by, create_time,"
                    + " change_by, change_time) VALUES (2, 2, 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)");
            assertThat(tickets.mailDraft(ROOT, first, MailKind.REPLY, null, 2).body())
                    .contains("Thank you for your request.\n\nSome test answer to show how a standard template can be used.");
            assertThat(draft.from()).isEqualTo("\"Jotrs System\" <jotrs@localhost>");
            tickets.apply(ROOT, first, new TicketAction.SendMail(MailKind.REPLY, draft.articleId(), draft.to(),
                    "boss@example.com", "", draft.subject(), "We are on it.\n" + draft.body(), new BigDecimal("1.5")));
            var reply = db.select(ARTICLE.ID, ARTICLE_DATA_MIME.A_SUBJECT, ARTICLE_DATA_MIME.A_MESSAGE_ID,
                            ARTICLE_DATA_MIME.A_MESSAGE_ID_MD5, ARTICLE_DATA_MIME.A_CC, ARTICLE_DATA_MIME.A_FROM)
                    .from(ARTICLE).join(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                    .where(ARTICLE.TICKET_ID.eq(first)).orderBy(ARTICLE.ID.desc()).limit(1).fetchSingle();
            assertThat(reply.value2()).isEqualTo(draft.subject());
            assertThat(reply.value3()).startsWith("<").endsWith(">");
            assertThat(reply.value4()).hasSize(32);
            assertThat(reply.value5()).isEqualTo("boss@example.com");
            assertThat(reply.value6()).isEqualTo("\"Jotrs System\" <jotrs@localhost>");
            var queued = db.selectFrom(JOTRS_MAIL_OUTBOX).where(JOTRS_MAIL_OUTBOX.ARTICLE_ID.eq(reply.value1())).fetchSingle();
            assertThat(queued.getRecipients()).isEqualTo("carla@example.com,boss@example.com");
            assertThat(queued.getSender()).isEqualTo("jotrs@localhost");
            String raw = rawMessage(db, kind, reply.value1());
            assertThat(raw).contains("Message-ID: " + reply.value3()).contains("To: Carla Customer <carla@example.com>")
                    .contains("Subject: " + draft.subject()).doesNotContainIgnoringCase("bcc");

            // A reply to that reply threads: In-Reply-To and References carry its Message-ID.
            tickets.apply(ROOT, first, new TicketAction.SendMail(MailKind.REPLY, reply.value1(), "carla@example.com", "",
                    "hidden@example.com", "No number here", "Follow-up.", null));
            var second_reply = db.select(ARTICLE_DATA_MIME.A_IN_REPLY_TO, ARTICLE_DATA_MIME.A_REFERENCES,
                            ARTICLE_DATA_MIME.A_SUBJECT, ARTICLE_DATA_MIME.A_BCC, ARTICLE.ID)
                    .from(ARTICLE).join(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                    .where(ARTICLE.TICKET_ID.eq(first)).orderBy(ARTICLE.ID.desc()).limit(1).fetchSingle();
            assertThat(second_reply.value1()).isEqualTo(reply.value3());
            assertThat(second_reply.value2()).isEqualTo(reply.value3());
            assertThat(second_reply.value3()).isEqualTo("RE: [Ticket#" + firstNumber + "] No number here");
            assertThat(second_reply.value4()).isEqualTo("hidden@example.com");
            assertThat(rawMessage(db, kind, second_reply.value5())).contains("In-Reply-To: " + reply.value3())
                    .doesNotContain("hidden@example.com");

            // Forward and phone calls, with time accounting on top.
            MailDraft forward = tickets.mailDraft(ROOT, first, MailKind.FORWARD, null, null);
            assertThat(forward.to()).isEmpty();
            assertThat(forward.subject()).startsWith("Fwd: [Ticket#" + firstNumber + "]");
            tickets.apply(ROOT, first, new TicketAction.SendMail(MailKind.FORWARD, forward.articleId(), "vendor@example.net",
                    "", "", forward.subject(), forward.body(), null, List.of(new org.jotrs.article.NewAttachment(
                            "jam-report.txt", "text/plain", "Tray 2 jams".getBytes(StandardCharsets.UTF_8)))));
            long forwarded = db.select(ARTICLE.ID).from(ARTICLE).where(ARTICLE.TICKET_ID.eq(first))
                    .orderBy(ARTICLE.ID.desc()).limit(1).fetchSingle().value1();
            assertThat(rawMessage(db, kind, forwarded)).contains("multipart/mixed")
                    .contains("Content-Disposition: attachment; filename=jam-report.txt").contains("Tray 2 jams");
            assertThat(tickets.details(ROOT, first).articles()).last()
                    .satisfies(a -> assertThat(a.attachments()).extracting(f -> f.filename()).containsExactly("jam-report.txt"));
            tickets.apply(ROOT, first, new TicketAction.AddPhoneCall("Called back", "Told her the plan.", false,
                    new BigDecimal("0.25")));
            tickets.apply(ROOT, first, new TicketAction.AddNote("Note", "Internal.", false, new BigDecimal("2")));
            assertThat(db.select(TIME_ACCOUNTING.TIME_UNIT).from(TIME_ACCOUNTING).where(TIME_ACCOUNTING.TICKET_ID.eq(first))
                    .fetch(TIME_ACCOUNTING.TIME_UNIT)).extracting(BigDecimal::stripTrailingZeros)
                    .containsExactly(new BigDecimal("1.5"), new BigDecimal("0.25"), new BigDecimal("2"));
            assertThat(tickets.details(ROOT, first).timeUnits()).isEqualByComparingTo("3.75");

            // Title, type, customer, responsible, watching.
            tickets.apply(ROOT, first, new TicketAction.ChangeTitle("Printer jams daily"));
            tickets.apply(ROOT, first, new TicketAction.ChangeCustomer("dave", null));
            tickets.apply(ROOT, first, new TicketAction.ChangeResponsible(ROOT));
            tickets.apply(ROOT, first, new TicketAction.Watch());
            tickets.apply(reader, first, new TicketAction.Watch());
            var row = db.selectFrom(TICKET).where(TICKET.ID.eq(first)).fetchSingle();
            assertThat(row.getTitle()).isEqualTo("Printer jams daily");
            assertThat(row.getCustomerUserId()).isEqualTo("dave");
            assertThat(row.getCustomerId()).isEqualTo("BETA");
            assertThat(tickets.details(reader, first).watchedByReader()).isTrue();
            assertThat(history(db, first)).contains(
                    "SendAnswer|%%Carla Customer <carla@example.com>,boss@example.com",
                    "Forward|%%vendor@example.net", "PhoneCallAgent|%%", "TimeAccounting|%%1.5%%1.5",
                    "TimeAccounting|%%2%%3.75", "TitleUpdate|%%Printer jams%%Printer jams daily",
                    "CustomerUpdate|%%CustomerID=BETA;CustomerUser=dave;", "Subscribe|%%Admin OTRS (root@localhost)",
                    "Subscribe|%%Rea Der (reader)");

            // Refusals change nothing: a reader may not reply, merge, retitle; bad input is refused.
            List<Integer> before = counts(db);
            for (TicketAction action : List.<TicketAction>of(
                    new TicketAction.SendMail(MailKind.REPLY, null, "x@example.com", "", "", "S", "B", null),
                    new TicketAction.MergeInto(secondNumber), new TicketAction.ChangeTitle("Mine"),
                    new TicketAction.ChangeCustomer("carla", null), new TicketAction.ChangeResponsible(reader),
                    new TicketAction.AddPhoneCall("S", "B", true, null))) {
                assertThatThrownBy(() -> tickets.apply(reader, first, action)).isInstanceOf(PermissionDenied.class);
            }
            assertThatThrownBy(() -> tickets.mailDraft(reader, first, MailKind.REPLY, null, null)).isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.SendMail(MailKind.REPLY, null,
                    "not an address", "", "", "S", "B", null)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors()).containsOnlyKeys("to"));
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.SendMail(MailKind.REPLY, null, "", "",
                    "", "", "", null)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class,
                            e -> assertThat(e.errors()).containsOnlyKeys("to", "subject", "body"));
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.AddNote("N", "B", false,
                    new BigDecimal("1.234")))).isInstanceOf(InvalidTicketRequest.class);
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.ChangeType("Nope")))
                    .isInstanceOf(InvalidTicketRequest.class);
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.ChangeCustomer("nobody", null)))
                    .isInstanceOf(InvalidTicketRequest.class);
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.MergeInto(firstNumber)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class,
                            e -> assertThat(e.errors().get("targetNumber")).contains("itself"));
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.MergeInto("404404")))
                    .isInstanceOf(InvalidTicketRequest.class);
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.LinkTo(firstNumber, LinkType.NORMAL)))
                    .isInstanceOf(InvalidTicketRequest.class);
            assertThat(counts(db)).as("nothing written").isEqualTo(before);

            // Links: a normal link shows on both sides and goes again.
            tickets.apply(reader, first, new TicketAction.LinkTo(secondNumber, LinkType.NORMAL));
            tickets.apply(ROOT, first, new TicketAction.LinkTo(secondNumber, LinkType.NORMAL));
            assertThat(db.fetchCount(LINK_RELATION)).isEqualTo(1);
            assertThat(tickets.details(ROOT, second).links()).singleElement()
                    .satisfies(link -> assertThat(link.number()).isEqualTo(firstNumber));
            tickets.apply(ROOT, second, new TicketAction.Unlink(first));
            assertThat(db.fetchCount(LINK_RELATION)).isZero();
            assertThat(history(db, second)).contains("TicketLinkAdd|%%" + firstNumber + "%%" + first + "%%" + second,
                    "TicketLinkDelete|%%" + firstNumber + "%%" + first + "%%" + second);

            // Merge the first into the second: articles, time and watchers move; first is merged and the child.
            tickets.apply(ROOT, first, new TicketAction.Lock());
            int firstArticles = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(first));
            int secondArticles = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(second));
            tickets.apply(ROOT, first, new TicketAction.MergeInto(secondNumber));
            assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(second))).isEqualTo(secondArticles + firstArticles);
            assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(first))).isEqualTo(1);
            assertThat(tickets.details(ROOT, first).articles()).singleElement().satisfies(note -> assertThat(note.body())
                    .isEqualTo("Merged Ticket " + firstNumber + " to " + secondNumber + "."));
            TicketDetails merged = tickets.details(ROOT, first);
            assertThat(merged.state()).isEqualTo("merged");
            assertThat(merged.lock()).isEqualTo("unlock");
            assertThat(merged.links()).singleElement().satisfies(link -> assertThat(link.relation()).isEqualTo("Parent"));
            assertThat(tickets.details(ROOT, second).timeUnits()).isEqualByComparingTo("3.75");
            assertThat(db.fetchCount(TICKET_WATCHER, TICKET_WATCHER.TICKET_ID.eq(second))).isEqualTo(2);
            String mergedName = "Merged|%%" + firstNumber + "%%" + first + "%%" + secondNumber + "%%" + second;
            assertThat(history(db, first)).contains(mergedName, "StateUpdate|%%open%%merged%%", "Unlock|%%unlock");
            assertThat(history(db, second)).contains(mergedName);
            assertThat(db.select(JOTRS_CHANGE_FEED.CHANGE_KIND).from(JOTRS_CHANGE_FEED)
                    .where(JOTRS_CHANGE_FEED.TICKET_ID.eq(second)).fetch(JOTRS_CHANGE_FEED.CHANGE_KIND)).contains("TicketMerge");
            assertThatThrownBy(() -> tickets.apply(ROOT, second, new TicketAction.MergeInto(firstNumber)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class,
                            e -> assertThat(e.errors().get("targetNumber")).contains("itself merged"));
            assertThatThrownBy(() -> tickets.apply(ROOT, first, new TicketAction.MergeInto(secondNumber)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class,
                            e -> assertThat(e.errors().get("targetNumber")).contains("already merged"));
        }
    }

    /** The message as queued in the outbox; it must also be kept with the article (article_data_mime_plain). */
    private static String rawMessage(DSLContext db, DatabaseKind kind, long articleId) {
        String queued = db.select(JOTRS_MAIL_OUTBOX.RAW_MESSAGE).from(JOTRS_MAIL_OUTBOX)
                .where(JOTRS_MAIL_OUTBOX.ARTICLE_ID.eq(articleId)).fetchSingle().value1();
        String kept;
        if (kind == DatabaseKind.POSTGRESQL) {
            String text = db.fetchSingle("SELECT body FROM article_data_mime_plain WHERE article_id = " + articleId).get(0, String.class);
            kept = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.US_ASCII);
        } else {
            kept = new String(db.fetchSingle("SELECT body FROM article_data_mime_plain WHERE article_id = " + articleId)
                    .get(0, byte[].class), StandardCharsets.US_ASCII);
        }
        assertThat(kept).isEqualTo(queued);
        return queued;
    }

    static void customer(DSLContext db, String login, String email, String company) {
        Customers.aCustomerUser(login).email(email).ofCompany(company).in(db);
    }

    static int agent(DSLContext db, String login, String permission) {
        int id = Agents.anAgent(login).named("Rea", "Der").in(db);
        Agents.grant(db, id, 1, permission);
        return id;
    }

    private static List<String> history(DSLContext db, long ticketId) {
        return db.select(TICKET_HISTORY_TYPE.NAME, TICKET_HISTORY.NAME).from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId)).orderBy(TICKET_HISTORY.ID)
                .fetch(r -> r.value1() + "|" + r.value2());
    }

    private static List<Integer> counts(DSLContext db) {
        return List.of(db.fetchCount(ARTICLE), db.fetchCount(TICKET_HISTORY), db.fetchCount(JOTRS_CHANGE_FEED),
                db.fetchCount(JOTRS_MAIL_OUTBOX), db.fetchCount(TIME_ACCOUNTING), db.fetchCount(LINK_RELATION),
                db.fetchCount(TICKET_WATCHER));
    }
}
