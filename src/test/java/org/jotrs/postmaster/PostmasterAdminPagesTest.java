package org.jotrs.postmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_ACCOUNT_SETTING;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_QUARANTINE;
import static org.jotrs.platform.db.schema.Tables.MAIL_ACCOUNT;
import static org.jotrs.platform.db.schema.Tables.POSTMASTER_FILTER;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin screens of incoming mail over HTTP: mail accounts (create, refusals that write nothing,
 * test connection against GreenMail with the right and a wrong password), postmaster filters that
 * the pipeline then applies, and the quarantine (list, download, retry, drop); administrators only.
 */
class PostmasterAdminPagesTest {

    private static final int ROOT = 1;

    private static MailServer mail;
    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;

    @BeforeAll
    static void start() {
        mail = MailServer.start("imap", "pop3");
        database = TestDatabase.create(DatabaseKind.H2);
        // A poll interval far beyond the test, so the fetcher never takes the messages the test counts.
        jotrs = RunningJotrs.start(database, "--jotrs.postmaster.poll-interval=1h");
        db = jotrs.bean(DSLContext.class);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
        mail.close();
    }

    private static Map<String, String> account(String host, String port, String login, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "IMAP");
        form.put("host", host);
        form.put("port", port);
        form.put("login", login);
        form.put("password", password);
        form.put("queueId", "0");
        form.put("folder", "INBOX");
        form.put("validId", "1");
        return form;
    }

    @Test
    void anAccountIsCreatedTestedAndRefusedWhenWrong() throws Exception {
        MailFetchingTest.deliver(mail.greenMail().setUser("helpdesk@example.com", "helpdesk", "right-pw"),
                "From: a@example.com\nTo: helpdesk@example.com\nSubject: waiting\n\nHello.\n");
        String imapPort = Integer.toString(mail.greenMail().getImap().getPort());
        int before = db.fetchCount(MAIL_ACCOUNT);

        Map<String, String> bad = account("", "abc", "helpdesk", "right-pw");
        bad.put("type", "SMTP");
        HttpResponse<String> refused = root.submit("/admin/mail-accounts/new", "/admin/mail-accounts/new", bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("A port from 1 to 65535", "Enter the mail server’s host name.", "Choose one of IMAPS");
        assertThat(db.fetchCount(MAIL_ACCOUNT)).isEqualTo(before);

        HttpResponse<String> created = root.submit("/admin/mail-accounts/new", "/admin/mail-accounts/new",
                account("127.0.0.1", imapPort, "helpdesk", "right-pw"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        int id = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
        assertThat(db.select(MAIL_ACCOUNT.PW, MAIL_ACCOUNT.ACCOUNT_TYPE, MAIL_ACCOUNT.QUEUE_ID).from(MAIL_ACCOUNT)
                .where(MAIL_ACCOUNT.ID.eq(id)).fetchSingle().intoList()).containsExactly("right-pw", "IMAP", 0);
        assertThat(db.select(JOTRS_MAIL_ACCOUNT_SETTING.PORT).from(JOTRS_MAIL_ACCOUNT_SETTING)
                .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(id)).fetchSingle().value1()).isEqualTo(Integer.parseInt(imapPort));
        // The form never shows the password; it says one is stored.
        String page = root.get(location).body();
        assertThat(page).doesNotContain("right-pw").contains("A value is stored; leave empty to keep it.");
        assertThat(root.get("/admin/mail-accounts").body()).contains("helpdesk", "127.0.0.1", "by recipient address");

        HttpResponse<String> tested = root.submit(location, location + "/test", Map.of());
        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(tested.body()).contains("Connected and signed in: 1 messages wait in the folder.");
        assertThat(mail.greenMail().getReceivedMessagesForDomain("helpdesk@example.com")).hasSize(1);

        // Saving with a blank password keeps it; a wrong one is then reported by the test.
        Map<String, String> keep = account("127.0.0.1", imapPort, "helpdesk", "");
        assertThat(root.submit(location, location, keep).statusCode()).isEqualTo(302);
        assertThat(db.select(MAIL_ACCOUNT.PW).from(MAIL_ACCOUNT).where(MAIL_ACCOUNT.ID.eq(id)).fetchSingle().value1())
                .isEqualTo("right-pw");
        assertThat(root.submit(location, location, account("127.0.0.1", imapPort, "helpdesk", "wrong-pw")).statusCode())
                .isEqualTo(302);
        assertThat(root.submit(location, location + "/test", Map.of()).body()).contains("The test failed: Sign-in refused by IMAP helpdesk@127.0.0.1");

        // Nobody else may look.
        Agents.agent(db, "olga", "Olga", "Agent");
        AgentHttp olga = jotrs.agent();
        olga.signIn("olga", Agents.passwordOf("olga"));
        assertThat(olga.get("/admin/mail-accounts").statusCode()).isEqualTo(403);
        assertThat(olga.get("/admin/quarantine").statusCode()).isEqualTo(403);
        assertThat(olga.get("/admin/postmaster-filters").statusCode()).isEqualTo(403);
    }

    @Test
    void aFilterSavedInTheScreenSteersTheNextMessage() {
        Postmaster postmaster = jotrs.bean(Postmaster.class);
        int filters = db.fetchCount(POSTMASTER_FILTER);
        HttpResponse<String> refused = root.submit("/admin/postmaster-filters/new", "/admin/postmaster-filters/save",
                Map.of("name", "10-vip", "matchHeader0", "From", "matchValue0", "(unclosed", "setHeader0", "Queue", "setValue0", "Misc"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Not a regular expression", "An X-OTRS- header");
        assertThat(db.fetchCount(POSTMASTER_FILTER)).isEqualTo(filters);

        HttpResponse<String> saved = root.submit("/admin/postmaster-filters/new", "/admin/postmaster-filters/save",
                Map.of("name", "10-vip", "matchHeader0", "From", "matchValue0", "@vip\\.example", "matchHeader1", "Subject",
                        "matchValue1", "newsletter", "matchNot1", "true", "setHeader0", "X-OTRS-Queue", "setValue0", "Misc",
                        "setHeader1", "X-OTRS-Priority", "setValue1", "5 very high"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(root.get("/admin/postmaster-filters").body()).contains("10-vip", "X-OTRS-Queue: Misc");

        Delivery vip = postmaster.deliver(raw("From: Boss <boss@vip.example>\nTo: desk@example.com\nSubject: Call me\n\nNow.\n"));
        Delivery news = postmaster.deliver(raw("From: boss@vip.example\nTo: desk@example.com\nSubject: Our newsletter\n\nRead.\n"));
        TicketService tickets = jotrs.bean(TicketService.class);
        var vipTicket = tickets.details(ROOT, ((Delivery.Stored) vip).ticketId());
        assertThat(vipTicket.queue()).isEqualTo("Misc");
        assertThat(vipTicket.priority()).isEqualTo("5 very high");
        assertThat(tickets.details(ROOT, ((Delivery.Stored) news).ticketId()).queue()).isEqualTo("Raw");

        // Renamed and turned into an ignore rule; the old name is gone.
        HttpResponse<String> renamed = root.submit("/admin/postmaster-filters/edit?name=10-vip", "/admin/postmaster-filters/save",
                Map.of("previousName", "10-vip", "name", "20-ignore-vip", "stop", "true", "matchHeader0", "From",
                        "matchValue0", "@vip\\.example", "setHeader0", "X-OTRS-Ignore", "setValue0", "yes"));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(db.fetchCount(POSTMASTER_FILTER, POSTMASTER_FILTER.F_NAME.eq("10-vip"))).isZero();
        int ticketsBefore = db.fetchCount(TICKET);
        assertThat(postmaster.deliver(raw("From: boss@vip.example\nTo: desk@example.com\nSubject: Again\n\nx\n")))
                .isInstanceOf(Delivery.Ignored.class);
        assertThat(db.fetchCount(TICKET)).isEqualTo(ticketsBefore);

        assertThat(root.submit("/admin/postmaster-filters", "/admin/postmaster-filters/delete", Map.of("name", "20-ignore-vip"))
                .statusCode()).isEqualTo(302);
        assertThat(db.fetchCount(POSTMASTER_FILTER)).isEqualTo(filters);
        assertThat(root.get("/admin/postmaster-filters/edit?name=20-ignore-vip").statusCode()).isEqualTo(404);
    }

    @Test
    void quarantinedMailIsListedDownloadedRetriedAndDropped() {
        Postmaster postmaster = jotrs.bean(Postmaster.class);
        Delivery noSender = postmaster.deliver(raw("To: desk@example.com\nSubject: Nobody sent this\n\nHi.\n"));
        long id = ((Delivery.Quarantined) noSender).quarantineId();
        String list = root.get("/admin/quarantine").body();
        assertThat(list).contains("Nobody sent this", "no sender address", "the pipe");
        HttpResponse<byte[]> download = root.getBytes("/admin/quarantine/" + id + "/raw");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("message/rfc822");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("Subject: Nobody sent this");

        HttpResponse<String> retried = root.submit("/admin/quarantine", "/admin/quarantine/" + id + "/retry", Map.of());
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(root.get("/admin/quarantine").body()).contains("still cannot be stored");
        assertThat(db.fetchCount(JOTRS_MAIL_QUARANTINE, JOTRS_MAIL_QUARANTINE.ID.eq(id))).isOne();

        // A message kept after a failure that is gone now (say, a queue that was missing) is stored by a retry.
        db.execute("INSERT INTO jotrs_mail_quarantine (account_id, raw_message, message_size, sender, subject, error, create_time)"
                + " VALUES (0, ?, 10, 'x@example.com', 'Fixed meanwhile', 'The default queue did not exist.', CURRENT_TIMESTAMP)",
                raw("From: x@example.com\nTo: desk@example.com\nSubject: Fixed meanwhile\n\nHello.\n"));
        long fixed = db.select(JOTRS_MAIL_QUARANTINE.ID).from(JOTRS_MAIL_QUARANTINE)
                .where(JOTRS_MAIL_QUARANTINE.SUBJECT.eq("Fixed meanwhile")).fetchSingle().value1();
        assertThat(root.submit("/admin/quarantine", "/admin/quarantine/" + fixed + "/retry", Map.of()).statusCode()).isEqualTo(302);
        assertThat(root.get("/admin/quarantine").body()).contains("is stored now (Ticket#");
        assertThat(db.fetchCount(JOTRS_MAIL_QUARANTINE, JOTRS_MAIL_QUARANTINE.ID.eq(fixed))).isZero();
        assertThat(db.fetchCount(TICKET, TICKET.TITLE.eq("Fixed meanwhile"))).isOne();

        assertThat(root.submit("/admin/quarantine", "/admin/quarantine/" + id + "/drop", Map.of()).statusCode()).isEqualTo(302);
        assertThat(db.fetchCount(JOTRS_MAIL_QUARANTINE, JOTRS_MAIL_QUARANTINE.ID.eq(id))).isZero();
        assertThat(root.submit("/admin/quarantine", "/admin/quarantine/" + id + "/drop", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void autoResponsesAreEditedWithTheirQueues() {
        HttpResponse<String> refused = root.submit("/admin/auto-responses/new", "/admin/auto-responses/new",
                Map.of("name", "", "type", "auto reply", "systemAddressId", "1", "subject", "Hi", "body", "", "validId", "1"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter a name.", "Enter the text.");
        HttpResponse<String> created = root.submitAll("/admin/auto-responses/new", "/admin/auto-responses/new", java.util.List.of(
                Map.entry("name", "Misc received"), Map.entry("type", "auto reply"), Map.entry("systemAddressId", "1"),
                Map.entry("subject", "RE: <OTRS_CUSTOMER_SUBJECT[20]>"), Map.entry("body", "We have your mail."),
                Map.entry("validId", "1"), Map.entry("queueIds", "4"), Map.entry("queueIds", "3")));
        assertThat(created.statusCode()).isEqualTo(302);
        String list = root.get("/admin/auto-responses").body();
        assertThat(list).contains("Misc received", "auto reply (new ticket)", "Junk, Misc");
        String location = java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(root.get(location).body()).contains("value=\"4\" checked", "We have your mail.");
    }

    @Test
    void thePipeIsOffUntilATokenIsSet() {
        HttpResponse<String> off = jotrs.agent().postForm("/postmaster/pipe", Map.of("x", "y"));
        assertThat(off.statusCode()).isEqualTo(404);
        assertThat(off.body()).isEqualTo("The pipe is turned off: set jotrs.postmaster.pipe-token on the server.\n");
    }

    private static byte[] raw(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
