package org.jotrs.postmaster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_NOTIFICATION_CURSOR;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 14, item 9: a whole mail conversation through a real mail server (GreenMail SMTP and IMAP)
 * and chromium. A customer's mail arrives in the desk's IMAP mailbox and becomes a ticket; the agent
 * answers it in the zoom and closes it; the customer's mailbox receives the answer threaded to her
 * mail ({@code [Ticket#…]} subject, {@code In-Reply-To}/{@code References}, the queue's system
 * address as From); she answers it by SMTP to the desk; the ticket is reopened with her answer, and
 * its owner gets OTRS's follow-up notification through the outbox.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class MailRoundTripBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int RAW = 2;
    private static final int USERS_GROUP = 1;

    @Test
    void aCustomersMailIsAnsweredInTheZoomAndHerAnswerReopensTheTicket() throws Exception {
        try (MailServer mail = MailServer.start("smtp", "imap");
                TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + mail.smtpPort(), "--jotrs.mail.outbox.poll-interval=100ms",
                        "--jotrs.postmaster.poll-interval=200ms", "--jotrs.mail.notifications.poll-interval=100ms",
                        "--jotrs.scheduler.polling-interval=100ms");
                Chromium chromium = Chromium.launch()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            int alice = Agents.agent(db, "alice", "Alice", "Owner");
            Agents.grant(db, alice, USERS_GROUP, "rw");
            db.execute("INSERT INTO user_preferences (user_id, preferences_key, preferences_value) VALUES (?, 'UserEmail', ?)",
                    alice, "alice@example.com");
            // The desk's address is the queue's system address, so answers go out from it and come back to it.
            db.execute("UPDATE system_address SET value0 = 'desk@example.com', value1 = 'Example Desk' WHERE id = 1");
            GreenMailUser desk = mail.greenMail().setUser("desk@example.com", "desk", "desk-pw");
            mail.greenMail().setUser("carla@example.com", "carla", "carla-pw");
            MailFetchingTest.account(db, 1, "desk", "desk-pw", "IMAP", RAW, 0, mail.greenMail().getImap().getPort());
            // The notifier starts at the feed's end; once it has, the follow-up below is news to it.
            MailServer.await(() -> db.fetchCount(JOTRS_MAIL_NOTIFICATION_CURSOR) == 1, WAIT, () -> "notifier started");

            MailFetchingTest.deliver(desk, """
                    From: Carla Customer <carla@example.com>
                    To: desk@example.com
                    Subject: VPN drops every hour
                    Message-ID: <vpn-1@mail.example.com>
                    Content-Type: text/plain; charset=UTF-8

                    Since Monday my VPN drops every hour.
                    """);
            MailServer.await(() -> db.fetchCount(TICKET, TICKET.TITLE.eq("VPN drops every hour")) == 1, WAIT,
                    () -> "the mail became a ticket");
            long ticketId = db.select(TICKET.ID).from(TICKET).where(TICKET.TITLE.eq("VPN drops every hour")).fetchSingle().value1();
            String number = db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle().value1();

            try (BrowserContext browser = chromium.browser().newContext()) {
                Page page = browser.newPage();
                List<String> problems = Chromium.problemsOf(page, message -> false);
                page.navigate(jotrs.baseUrl() + "/login");
                page.getByLabel("Username").fill("alice");
                page.getByLabel("Password").fill(Agents.passwordOf("alice"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(jotrs.baseUrl() + "/");

                page.navigate(jotrs.baseUrl() + "/tickets/" + ticketId);
                assertThat(page.getByText("Since Monday my VPN drops every hour.")).isVisible();
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reply by mail")).click();
                page.waitForURL("**/tickets/" + ticketId + "/reply**");
                assertThat(page.getByLabel("To")).hasValue(java.util.regex.Pattern.compile(".*carla@example\\.com.*"));
                Locator editor = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Text").setExact(true));
                editor.click();
                page.keyboard().press("Control+Home");
                page.keyboard().type("Please update the VPN client to version 5.2.");
                page.keyboard().press("Enter");
                page.getByLabel("Next state").selectOption("closed successful");
                page.getByLabel("Next owner").selectOption(new SelectOption().setValue(String.valueOf(alice)));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send mail")).click();
                page.waitForURL(jotrs.baseUrl() + "/tickets/" + ticketId);
                Locator state = page.locator("dt:text-is('State') + dd");
                assertThat(state).hasText("closed successful");

                // The customer's mailbox: the agent's answer, threaded to her mail.
                MailServer.await(() -> answerTo(mail) != null, WAIT, () -> "the answer in carla's mailbox");
                MimeMessage answer = answerTo(mail);
                org.assertj.core.api.Assertions.assertThat(answer.getSubject()).contains("[Ticket#" + number + "]")
                        .contains("VPN drops every hour");
                org.assertj.core.api.Assertions.assertThat(answer.getHeader("In-Reply-To", null))
                        .isEqualTo("<vpn-1@mail.example.com>");
                org.assertj.core.api.Assertions.assertThat(answer.getHeader("References", null))
                        .contains("<vpn-1@mail.example.com>");
                org.assertj.core.api.Assertions.assertThat(((InternetAddress) answer.getFrom()[0]).getAddress())
                        .isEqualTo("desk@example.com");
                org.assertj.core.api.Assertions.assertThat(answer.getFrom()[0].toString()).contains("Example Desk");
                org.assertj.core.api.Assertions.assertThat(answer.getMessageID()).isNotBlank()
                        .isNotEqualTo("<vpn-1@mail.example.com>");
                org.assertj.core.api.Assertions.assertThat(answer.getRecipients(RecipientType.TO)[0].toString())
                        .contains("carla@example.com");

                // She answers from her mail client (a plain subject, threaded by In-Reply-To/References) over SMTP.
                Session session = Session.getInstance(new Properties());
                MimeMessage followUp = new MimeMessage(session);
                followUp.setFrom(new InternetAddress("carla@example.com", "Carla Customer"));
                followUp.setRecipients(RecipientType.TO, answer.getFrom());
                followUp.setSubject("Re: " + answer.getSubject());
                followUp.setHeader("In-Reply-To", answer.getMessageID());
                followUp.setHeader("References", answer.getHeader("References", null) + " " + answer.getMessageID());
                followUp.setText("Version 5.2 drops too.", "UTF-8");
                followUp.saveChanges();
                Transport transport = session.getTransport("smtp");
                transport.connect("127.0.0.1", mail.smtpPort(), null, null);
                transport.sendMessage(followUp, followUp.getAllRecipients());
                transport.close();

                // The ticket is reopened with her answer (the zoom shows it after a reload).
                MailServer.await(() -> "open".equals(db.fetchValue("SELECT s.name FROM ticket t JOIN ticket_state s"
                        + " ON s.id = t.ticket_state_id WHERE t.id = " + ticketId)), WAIT, () -> "ticket reopened");
                page.reload();
                assertThat(state).hasText("open");
                assertThat(page.getByText("Version 5.2 drops too.")).isVisible();

                // Its owner is told, by OTRS's follow-up notification sent through the outbox.
                MailServer.await(() -> mailTo(mail, "alice@example.com", "Follow-Up") != null, WAIT,
                        () -> "the follow-up notification to the owner");
                MimeMessage notification = mailTo(mail, "alice@example.com", "Follow-Up");
                org.assertj.core.api.Assertions.assertThat(notification.getSubject()).contains("[Ticket#" + number + "]");
                org.assertj.core.api.Assertions.assertThat(((String) notification.getContent())).contains("Hi Alice,")
                        .contains("Version 5.2 drops too.");
                org.assertj.core.api.Assertions.assertThat(db.fetchCount(TICKET)).isEqualTo(1);
                org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();
            }
        }
    }

    /** The agent's answer among what reached carla (an auto reply of the queue may be there too). */
    private static MimeMessage answerTo(MailServer mail) {
        return mail.received().stream().filter(m -> {
            try {
                return recipients(m).contains("carla@example.com")
                        && text(m).contains("Please update the VPN client");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private static MimeMessage mailTo(MailServer mail, String to, String subjectPart) {
        return mail.received().stream().filter(m -> {
            try {
                return recipients(m).contains(to) && m.getSubject().contains(subjectPart);
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    /** The plain text of a message, of its text/plain part when it has alternatives. */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String string) {
            return string;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        var all = message.getAllRecipients();
        return all == null ? "" : java.util.Arrays.toString(all);
    }
}
