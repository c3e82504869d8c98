package org.jotrs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.PasswordHashing;
import org.jotrs.article.NewAttachment;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Settings;
import org.jotrs.postmaster.AutoResponseAdministration;
import org.jotrs.postmaster.AutoResponseSettings;
import org.jotrs.postmaster.Postmaster;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.AgentHttp.FilePart;
import org.jotrs.testing.Customers;
import org.jotrs.testing.PortalCustomers;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;

/**
 * The portal's tickets over HTTP: my and company tickets, the ticket view without internal notes,
 * files and HTML frames, answers under each follow-up option, closing, and new tickets with their
 * refusals (nothing written) and what they write (sender customer, history, feed, auto reply).
 */
class PortalTicketsTest {

    private static final int POSTMASTER = 1;
    private static final int RAW = 2;
    private static final int JUNK = 3;
    private static final int MISC = 4;

    private static final AppPerDatabase APPS = new AppPerDatabase("--jotrs.article.max-attachment-size=1MB");
    private static final Set<DatabaseKind> PREPARED = EnumSet.noneOf(DatabaseKind.class);

    /** The application of the database a test runs on; the methods run one after another. */
    private static RunningJotrs jotrs;
    private static DSLContext db;
    private static TicketService tickets;

    private static void on(DatabaseKind kind) {
        jotrs = APPS.on(kind);
        db = jotrs.bean(DSLContext.class);
        tickets = jotrs.bean(TicketService.class);
        if (PREPARED.add(kind)) {
            prepare();
        }
    }

    private static void prepare() {
        String hash = jotrs.bean(PasswordHashing.class).hash("portal-pass");
        Customers.aCustomerUser("anna").ofCompany("ACME").email("anna@example.com").storedPassword(hash).in(db);
        Customers.aCustomerUser("bert").ofCompany("ACME").email("bert@example.com").storedPassword(hash).in(db);
        Customers.aCustomerUser("carl").ofCompany("OTHER").email("carl@example.com").storedPassword(hash).in(db);
        Customers.aCustomerUser("dora").ofCompany("DORA").email("dora@example.com").storedPassword(hash).in(db);
        Customers.seesCompany(db, "dora", "OTHER");
        jotrs.bean(AutoResponseAdministration.class).create(1, new AutoResponseSettings("Misc: received", "auto reply", 1,
                "We got your request", "Thank you, we will answer soon.", null, 1, Set.of(MISC)));
    }

    @AfterAll
    static void stop() {
        APPS.close();
    }

    private static long phoneTicket(int queue, String customer, String title) {
        return tickets.createPhoneTicket(1, new NewPhoneTicket(queue, customer, title, "Body of " + title, null, null, null))
                .ticketId();
    }

    private static String number(long ticketId) {
        return db.fetchValue("SELECT tn FROM ticket WHERE id = ?", ticketId).toString();
    }

    private static int count(String sql, Object... args) {
        return ((Number) db.fetchValue(sql, args)).intValue();
    }

    private static void setting(String key, String value) {
        Settings settings = jotrs.bean(Settings.class);
        settings.change(1, key, value, settings.state(1, key).version());
    }

    @OnEveryDatabase
    void myAndCompanyTicketsFollowOtrsCustomerSemantics(DatabaseKind kind) {
        on(kind);
        phoneTicket(MISC, "anna", "Anna printer jams");
        long closed = phoneTicket(MISC, "anna", "Anna old monitor");
        tickets.apply(1, closed, new TicketAction.ChangeState("closed successful", null));
        phoneTicket(RAW, "bert", "Bert laptop battery");
        phoneTicket(RAW, "carl", "Carl secret merger");

        AgentHttp anna = PortalCustomers.signedIn(jotrs, "anna", "portal-pass");
        String mine = anna.get("/customer/tickets").body();
        assertThat(mine).contains("Anna printer jams").doesNotContain("Anna old monitor").doesNotContain("Bert laptop")
                .doesNotContain("Carl secret");
        assertThat(anna.get("/customer/tickets?status=closed").body()).contains("Anna old monitor").doesNotContain("Anna printer");
        String company = anna.get("/customer/tickets/company?status=all").body();
        assertThat(company).contains("Anna printer jams").contains("Anna old monitor").contains("Bert laptop battery")
                .doesNotContain("Carl secret merger");
        assertThat(anna.get("/customer/tickets?status=all&q=PRINTER").body()).contains("Anna printer jams")
                .doesNotContain("Anna old monitor");
        assertThat(anna.get("/customer/tickets?status=all&q=body+of+monitor").body()).contains("Anna old monitor")
                .doesNotContain("Anna printer jams");
        String byTitle = anna.get("/customer/tickets/company?status=all&sort=title&order=asc").body();
        assertThat(byTitle.indexOf("Anna old monitor")).isLessThan(byTitle.indexOf("Anna printer jams"));
        assertThat(byTitle.indexOf("Anna printer jams")).isLessThan(byTitle.indexOf("Bert laptop battery"));
        HttpResponse<String> htmx = anna.get("/customer/tickets/company?status=all&q=bert");
        assertThat(htmx.body()).contains("Bert laptop battery");
        assertThat(anna.get("/customer/tickets?status=sideways").statusCode()).isEqualTo(422);

        // Dora's further company (customer_user_customer) shows Carl's ticket among her company tickets.
        AgentHttp dora = PortalCustomers.signedIn(jotrs, "dora", "portal-pass");
        assertThat(dora.get("/customer/tickets/company").body()).contains("Carl secret merger").doesNotContain("Bert laptop");
        assertThat(dora.get("/customer/tickets").body()).doesNotContain("Carl secret merger");
    }

    @OnEveryDatabase
    void listsArePaged(DatabaseKind kind) {
        on(kind);
        for (int i = 0; i < 23; i++) {
            phoneTicket(MISC, "bert", String.format("Bert paging %02d", i));
        }
        AgentHttp bert = PortalCustomers.signedIn(jotrs, "bert", "portal-pass");
        String first = bert.get("/customer/tickets?q=paging&sort=title&order=asc").body();
        assertThat(first).contains("Bert paging 00").contains("Bert paging 19").doesNotContain("Bert paging 20")
                .contains("Page 1 of 2");
        String second = bert.get("/customer/tickets?q=paging&sort=title&order=asc&page=1").body();
        assertThat(second).contains("Bert paging 22").doesNotContain("Bert paging 19");
    }

    @OnEveryDatabase
    void theTicketViewShowsWhatTheCustomerMaySeeAndNeverInternalNotes(DatabaseKind kind) {
        on(kind);
        long ticket = phoneTicket(MISC, "anna", "Anna scanner offline");
        tickets.apply(1, ticket, new TicketAction.AddNote("Driver", "We replaced the scanner driver.", true,
                List.of(new NewAttachment("manual.txt", "text/plain", "read me".getBytes(StandardCharsets.UTF_8)))));
        tickets.apply(1, ticket, new TicketAction.AddNote("Internal", "INTERNAL-SECRET-42 do not tell", false,
                List.of(new NewAttachment("internal.txt", "text/plain", "INTERNAL-FILE".getBytes(StandardCharsets.UTF_8)))));
        String number = number(ticket);
        long visible = ((Number) db.fetchValue("SELECT MIN(id) FROM article WHERE ticket_id = ? AND is_visible_for_customer = 1"
                + " AND article_sender_type_id = 1", ticket)).longValue();
        long internal = ((Number) db.fetchValue("SELECT id FROM article WHERE ticket_id = ? AND is_visible_for_customer = 0",
                ticket)).longValue();

        AgentHttp anna = PortalCustomers.signedIn(jotrs, "anna", "portal-pass");
        String page = anna.get("/customer/tickets/" + number).body();
        assertThat(page).contains("Anna scanner offline").contains("We replaced the scanner driver.").contains("manual.txt")
                .doesNotContain("INTERNAL-SECRET-42").doesNotContain("internal.txt");
        HttpResponse<byte[]> file = anna.getBytes("/customer/tickets/" + number + "/articles/" + visible + "/files/1");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("read me");
        assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        for (int fileId = 0; fileId <= 3; fileId++) {
            assertThat(anna.getBytes("/customer/tickets/" + number + "/articles/" + internal + "/files/" + fileId).statusCode())
                    .isEqualTo(404);
        }
        assertThat(anna.get("/customer/tickets/" + number + "/articles/" + internal + "/html").statusCode()).isEqualTo(404);
        assertThat(anna.get("/customer/tickets?status=all&q=INTERNAL-SECRET-42").body()).contains("No tickets match.");
    }

    @OnEveryDatabase
    void htmlArticlesAreShownSanitisedInASandboxedFrame(DatabaseKind kind) {
        on(kind);
        var delivery = jotrs.bean(Postmaster.class).deliver(("From: Anna Customer <anna@example.com>\nTo: someone@example.com\n"
                + "Subject: Formatted question\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
                + "<p>Hello <b>team</b></p><script>alert(1)</script><img src=\"https://tracker.example/x.png\">\n")
                .getBytes(StandardCharsets.UTF_8));
        long ticket = ((org.jotrs.postmaster.Delivery.Stored) delivery).ticketId();
        long article = ((org.jotrs.postmaster.Delivery.Stored) delivery).articleId();
        AgentHttp anna = PortalCustomers.signedIn(jotrs, "anna", "portal-pass");
        String page = anna.get("/customer/tickets/" + number(ticket)).body();
        assertThat(page).contains("<iframe sandbox src=\"/customer/tickets/" + number(ticket) + "/articles/" + article + "/html\"");
        HttpResponse<String> frame = anna.get("/customer/tickets/" + number(ticket) + "/articles/" + article + "/html");
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.body()).contains("<b>team</b>").doesNotContain("<script").doesNotContain("tracker.example");
        assertThat(frame.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox;")
                .contains("frame-ancestors 'self'");
    }

    @OnEveryDatabase
    void answersFollowTheQueuesFollowUpOption(DatabaseKind kind) {
        on(kind);
        AgentHttp anna = PortalCustomers.signedIn(jotrs, "anna", "portal-pass");
        long open = phoneTicket(MISC, "anna", "Anna answer open");
        String number = number(open);
        int articles = count("SELECT COUNT(*) FROM article WHERE ticket_id = ?", open);
        HttpResponse<String> empty = anna.submitMultipart("/customer/tickets/" + number, "/customer/tickets/" + number + "/reply",
                Map.of("body", "   "), List.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Please write your message.");
        assertThat(count("SELECT COUNT(*) FROM article WHERE ticket_id = ?", open)).isEqualTo(articles);

        HttpResponse<String> answered = anna.submitMultipart("/customer/tickets/" + number, "/customer/tickets/" + number + "/reply",
                Map.of("body", "Here is the photo you asked for."),
                List.of(new FilePart("attachments", "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(answered.headers().firstValue("Location").orElseThrow()).endsWith("/customer/tickets/" + number + "?done=answered");
        long reply = ((Number) db.fetchValue("SELECT MAX(id) FROM article WHERE ticket_id = ?", open)).longValue();
        assertThat(count("SELECT COUNT(*) FROM article a JOIN communication_channel c ON c.id = a.communication_channel_id"
                + " WHERE a.id = ? AND a.article_sender_type_id = 3 AND a.is_visible_for_customer = 1 AND c.name = 'Internal'",
                reply)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ticket_history h JOIN ticket_history_type t ON t.id = h.history_type_id"
                + " WHERE h.article_id = ? AND t.name = 'WebRequestCustomer'", reply)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM jotrs_change_feed WHERE ticket_id = ?", open)).isPositive();
        assertThat(anna.get("/customer/tickets/" + number).body()).contains("Here is the photo you asked for.").contains("photo.png");

        // Possible (Misc): a closed ticket is reopened.
        tickets.apply(1, open, new TicketAction.ChangeState("closed successful", null));
        assertThat(anna.get("/customer/tickets/" + number).body()).contains("your answer opens it again");
        anna.submitMultipart("/customer/tickets/" + number, "/customer/tickets/" + number + "/reply", Map.of("body", "Still broken."),
                List.of());
        assertThat(db.fetchValue("SELECT s.name FROM ticket t JOIN ticket_state s ON s.id = t.ticket_state_id WHERE t.id = ?", open))
                .isEqualTo("open");

        // Reject (Junk): refused, nothing written.
        db.execute("UPDATE queue SET follow_up_id = 2 WHERE id = ?", JUNK);
        long rejecting = phoneTicket(JUNK, "anna", "Anna in a rejecting queue");
        tickets.apply(1, rejecting, new TicketAction.ChangeState("closed successful", null));
        String rejectingNumber = number(rejecting);
        assertThat(anna.get("/customer/tickets/" + rejectingNumber).body()).contains("takes no more answers")
                .doesNotContain("/reply\"");
        int before = count("SELECT COUNT(*) FROM article WHERE ticket_id = ?", rejecting);
        HttpResponse<String> refused = anna.submitMultipart("/customer/tickets/" + rejectingNumber,
                "/customer/tickets/" + rejectingNumber + "/reply", Map.of("body", "Hello?"), List.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM article WHERE ticket_id = ?", rejecting)).isEqualTo(before);

        // New ticket (Postmaster): the answer opens a new ticket for the customer.
        db.execute("UPDATE queue SET follow_up_id = 3 WHERE id = ?", POSTMASTER);
        long renewing = phoneTicket(POSTMASTER, "anna", "Anna in a renewing queue");
        tickets.apply(1, renewing, new TicketAction.ChangeState("closed successful", null));
        String renewingNumber = number(renewing);
        HttpResponse<String> renewed = anna.submitMultipart("/customer/tickets/" + renewingNumber,
                "/customer/tickets/" + renewingNumber + "/reply", Map.of("body", "It happened again."), List.of());
        String location = renewed.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("?done=new-ticket").doesNotContain(renewingNumber);
        String newNumber = location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));
        assertThat(db.fetchValue("SELECT customer_user_id FROM ticket WHERE tn = ?", newNumber)).isEqualTo("anna");
        assertThat(anna.get("/customer/tickets/" + newNumber).body()).contains("It happened again.");
    }

    @OnEveryDatabase
    void closingOwnTicketsIsARuntimeSetting(DatabaseKind kind) {
        on(kind);
        long ticket = phoneTicket(MISC, "bert", "Bert closes this");
        String number = number(ticket);
        AgentHttp bert = PortalCustomers.signedIn(jotrs, "bert", "portal-pass");
        assertThat(bert.get("/customer/tickets/" + number).body()).doesNotContain("/close\"");
        HttpResponse<String> refused = bert.submit("/customer/tickets/" + number, "/customer/tickets/" + number + "/close", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(db.fetchValue("SELECT s.name FROM ticket t JOIN ticket_state s ON s.id = t.ticket_state_id WHERE t.id = ?", ticket))
                .isEqualTo("open");
        setting("portal.close-own-tickets", "true");
        try {
            assertThat(bert.submit("/customer/tickets/" + number, "/customer/tickets/" + number + "/close", Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(db.fetchValue("SELECT s.name FROM ticket t JOIN ticket_state s ON s.id = t.ticket_state_id WHERE t.id = ?",
                    ticket)).isEqualTo("closed successful");
            assertThat(count("SELECT COUNT(*) FROM ticket_history h JOIN ticket_history_type t ON t.id = h.history_type_id"
                    + " WHERE h.ticket_id = ? AND t.name = 'StateUpdate' AND h.name = '%%open%%closed successful%%'", ticket))
                    .isEqualTo(1);
        } finally {
            setting("portal.close-own-tickets", "false");
        }
    }

    @OnEveryDatabase
    void newTicketsAreCheckedThenWrittenAsOtrsCustomerRequests(DatabaseKind kind) {
        on(kind);
        AgentHttp carl = PortalCustomers.signedIn(jotrs, "carl", "portal-pass");
        int ticketsBefore = count("SELECT COUNT(*) FROM ticket");
        HttpResponse<String> empty = carl.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                Map.of("queue", "" + MISC, "subject", " ", "body", ""), List.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Please give a subject.").contains("Please write your message.");
        HttpResponse<String> badCc = carl.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                Map.of("queue", "" + MISC, "subject", "Hi", "body", "Text", "cc", "boss@example.com, not an address"), List.of());
        assertThat(badCc.statusCode()).isEqualTo(422);
        assertThat(badCc.body()).contains("not an address is not a mail address.");
        HttpResponse<String> program = carl.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                Map.of("queue", "" + MISC, "subject", "Hi", "body", "Text"),
                List.of(new FilePart("attachments", "setup.EXE", "application/octet-stream", new byte[] {1, 2})));
        assertThat(program.statusCode()).isEqualTo(422);
        assertThat(program.body()).contains("Files of type .exe cannot be sent (setup.EXE).");
        HttpResponse<String> large = carl.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                Map.of("queue", "" + MISC, "subject", "Hi", "body", "Text"),
                List.of(new FilePart("attachments", "big.pdf", "application/pdf", new byte[1024 * 1024 + 1])));
        assertThat(large.statusCode()).isEqualTo(422);
        assertThat(large.body()).contains("an attachment may be at most");
        setting("portal.new-ticket.queues", "Misc, Raw");
        try {
            String form = carl.get("/customer/tickets/new").body();
            assertThat(form).contains(">Misc<").contains(">Raw<").doesNotContain(">Junk<").doesNotContain(">Postmaster<")
                    .contains("<label for=\"subject\">").contains("<label for=\"body\">").contains("<label for=\"cc\">");
            HttpResponse<String> junk = carl.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                    Map.of("queue", "" + JUNK, "subject", "Hi", "body", "Text"), List.of());
            assertThat(junk.statusCode()).isEqualTo(422);
            assertThat(junk.body()).contains("Choose what your request is about.");
        } finally {
            setting("portal.new-ticket.queues", "");
        }
        assertThat(count("SELECT COUNT(*) FROM ticket")).isEqualTo(ticketsBefore);

        HttpResponse<String> created = carl.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                Map.of("queue", "" + MISC, "subject", "Carl VPN drops", "body", "The VPN drops every hour.",
                        "priority", "4 high", "cc", "boss@example.com"),
                List.of(new FilePart("attachments", "vpn.log", "text/plain", "timeout".getBytes(StandardCharsets.UTF_8))));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String number = location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));
        var ticket = db.fetchOne("SELECT t.id, t.customer_user_id, t.customer_id, t.title, p.name, s.name FROM ticket t"
                + " JOIN ticket_priority p ON p.id = t.ticket_priority_id JOIN ticket_state s ON s.id = t.ticket_state_id"
                + " WHERE t.tn = ?", number);
        long id = ((Number) ticket.get(0)).longValue();
        assertThat(ticket.get(1)).isEqualTo("carl");
        assertThat(ticket.get(2)).isEqualTo("OTHER");
        assertThat(ticket.get(3)).isEqualTo("Carl VPN drops");
        assertThat(ticket.get(4)).isEqualTo("4 high");
        assertThat(ticket.get(5)).isEqualTo("new");
        assertThat(count("SELECT COUNT(*) FROM article a JOIN article_data_mime m ON m.article_id = a.id"
                + " WHERE a.ticket_id = ? AND a.article_sender_type_id = 3 AND a.is_visible_for_customer = 1"
                + " AND m.a_cc = 'boss@example.com' AND m.a_from LIKE '%<carl@example.com>'", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ticket_history h JOIN ticket_history_type t ON t.id = h.history_type_id"
                + " WHERE h.ticket_id = ? AND t.name IN ('NewTicket', 'WebRequestCustomer')", id)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM jotrs_change_feed WHERE ticket_id = ? AND change_kind = 'TicketCreate'", id)).isEqualTo(1);
        // The queue's auto reply went to the outbox for the customer, as a system article.
        assertThat(count("SELECT COUNT(*) FROM jotrs_mail_outbox o JOIN article a ON a.id = o.article_id"
                + " WHERE a.ticket_id = ? AND o.recipients LIKE '%carl@example.com%'", id)).isEqualTo(1);
        assertThat(carl.get("/customer/tickets/" + number + "?done=created").body()).contains("Carl VPN drops").contains("vpn.log").contains("The VPN drops every hour.");
        assertThat(carl.get("/customer/tickets").body()).contains("Carl VPN drops");
    }

    @OnEveryDatabase
    void richTextIsSanitisedOnTheServerAndKeptBesideItsPlainText(DatabaseKind kind) {
        on(kind);
        AgentHttp dora = PortalCustomers.signedIn(jotrs, "dora", "portal-pass");
        int ticketsBefore = count("SELECT COUNT(*) FROM ticket");
        // Markup with no text is an empty message: refused, the editor's HTML kept in the form.
        HttpResponse<String> empty = dora.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                Map.of("queue", "" + MISC, "subject", "Formatted", "body", "", "bodyHtml", "<div><br></div>"), List.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Please write your message.").contains("data-html=\"&lt;div>&lt;br>&lt;/div>\"");
        assertThat(count("SELECT COUNT(*) FROM ticket")).isEqualTo(ticketsBefore);

        HttpResponse<String> created = dora.submitMultipart("/customer/tickets/new", "/customer/tickets/new",
                Map.of("queue", "" + MISC, "subject", "Dora formatted request", "body", "ignored when the editor posts",
                        "bodyHtml", "<div>Printer <b>jams</b> on <i>every</i> page<script>alert(1)</script>"
                                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">here</a></div>"),
                List.of());
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String number = location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));
        long ticket = ((Number) db.fetchValue("SELECT id FROM ticket WHERE tn = ?", number)).longValue();
        long article = ((Number) db.fetchValue("SELECT MIN(id) FROM article WHERE ticket_id = ?", ticket)).longValue();
        // OTRS keeps both: the plain text in a_body, the HTML as the article's HTML body.
        assertThat((String) db.fetchValue("SELECT a_body FROM article_data_mime WHERE article_id = ?", article))
                .contains("Printer jams on every page").doesNotContain("<b>").doesNotContain("ignored");
        String page = dora.get("/customer/tickets/" + number).body();
        assertThat(page).contains("<iframe sandbox src=\"/customer/tickets/" + number + "/articles/" + article + "/html\"");
        String frame = dora.get("/customer/tickets/" + number + "/articles/" + article + "/html").body();
        assertThat(frame).contains("<b>jams</b>").contains("<i>every</i>").doesNotContain("<script").doesNotContain("onerror")
                .doesNotContain("javascript:");

        HttpResponse<String> answered = dora.submitMultipart("/customer/tickets/" + number, "/customer/tickets/" + number + "/reply",
                Map.of("body", "", "bodyHtml", "<div>Still <u>jamming</u></div>"), List.of());
        assertThat(answered.statusCode()).isEqualTo(302);
        long answer = ((Number) db.fetchValue("SELECT MAX(id) FROM article WHERE ticket_id = ? AND article_sender_type_id = 3",
                ticket)).longValue();
        assertThat(answer).isGreaterThan(article);
        assertThat(dora.get("/customer/tickets/" + number + "/articles/" + answer + "/html").body()).contains("<u>jamming</u>");
    }
}
