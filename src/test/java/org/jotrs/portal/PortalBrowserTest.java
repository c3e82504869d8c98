package org.jotrs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.Customers;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * A customer's whole visit in chromium, at a phone's 390 px and at 1440 px: a new password through
 * the mailed link, sign-in, a new ticket with a file, the agent's answer (but not the internal
 * note), an answer that reopens the closed ticket, sign-out. Every page is checked for horizontal
 * overflow and console errors, and photographed under {@code target/portal-screenshots}.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class PortalBrowserTest {

    private static final Path SHOTS = Path.of("target", "portal-screenshots");
    private static final Pattern RESET_LINK = Pattern.compile("(/customer/password/reset\\?token=[A-Za-z0-9_-]{43})");

    @Test
    void aCustomerResetsThePasswordOpensATicketAndFollowsItOnAPhoneAndADesktop() throws Exception {
        Files.createDirectories(SHOTS);
        Path file = Files.createTempFile("router", ".txt");
        Files.writeString(file, "router log", StandardCharsets.UTF_8);
        try (MailServer smtp = MailServer.start("smtp");
                TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + smtp.smtpPort(), "--jotrs.mail.outbox.poll-interval=100ms");
                Chromium chromium = Chromium.launch()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            List<String> overflowing = new ArrayList<>();
            for (int width : new int[] {390, 1440}) {
                String login = "paula" + width;
                Customers.aCustomerUser(login).ofCompany("PAULA").email(login + "@example.com").storedPassword(DigestUtils.sha256Hex("forgotten-pass")).in(db);
                try (BrowserContext browser = chromium.browser().newContext()) {
                    Page page = browser.newPage();
                    page.setViewportSize(width, 844);
                    List<String> problems = Chromium.problemsOf(page, message -> false);
                    Runnable check = () -> {
                        String step = page.url().replaceAll("[?&]token=[^&]*", "").replaceAll("^https?://[^/]+/customer/?", "").replaceAll("[^A-Za-z0-9]+", "-");
                        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                                .setPath(SHOTS.resolve(width + "-" + (step.isEmpty() ? "home" : step) + ".png")));
                        int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
                        if (scrollWidth > width) {
                            overflowing.add(page.url() + " at " + width + " px: " + scrollWidth + " px wide");
                        }
                    };

                    page.navigate(jotrs.baseUrl() + "/customer/login");
                    check.run();
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
                    page.getByLabel("Login or mail address").fill(login);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send link")).click();
                    assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("If an account with this login");
                    check.run();
                    String link = resetLink(smtp, login + "@example.com");
                    page.navigate(jotrs.baseUrl() + link);
                    check.run();
                    page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("remembered-pass");
                    page.getByLabel("New password again").fill("remembered-pass");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save password")).click();
                    page.waitForURL("**/customer/login?reset");

                    page.getByLabel("Login").fill(login);
                    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("remembered-pass");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                    page.waitForURL("**/customer/tickets");
                    check.run();

                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New ticket")).click();
                    page.getByLabel("Topic").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Misc"));
                    page.getByLabel("Subject").fill("Router blinks red at " + width);
                    page.getByLabel("Message").fill("Since this morning the router blinks red.");
                    page.getByLabel("Files").setInputFiles(file);
                    check.run();
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open ticket")).click();
                    page.waitForURL("**?done=created");
                    String number = page.url().replaceAll(".*/customer/tickets/(\\d+)\\?.*", "$1");
                    assertThat(page.content()).contains("router").contains(file.getFileName().toString());

                    long ticketId = ((Number) db.fetchValue("SELECT id FROM ticket WHERE tn = ?", number)).longValue();
                    TicketService tickets = jotrs.bean(TicketService.class);
                    tickets.apply(1, ticketId, new TicketAction.AddNote("Reply", "Please restart it once.", true, List.of()));
                    tickets.apply(1, ticketId, new TicketAction.AddNote("Internal", "INTERNAL: the customer line is faulty",
                            false, List.of()));
                    tickets.apply(1, ticketId, new TicketAction.ChangeState("closed successful", null));
                    page.reload();
                    assertThat(page.content()).contains("Please restart it once.").doesNotContain("INTERNAL");
                    assertThat(page.locator("#ticket-state").textContent()).isEqualTo("closed successful");
                    check.run();

                    page.getByLabel("Message").fill("Restarted; it blinks red again.");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answer")).click();
                    page.waitForURL("**?done=answered");
                    assertThat(page.locator("#ticket-state").textContent()).isEqualTo("open");
                    // Written in the rich-text editor: shown as the sanitised HTML, in the sandboxed frame.
                    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            page.frameLocator("iframe[sandbox]").last().locator("body"))
                            .containsText("Restarted; it blinks red again.");
                    check.run();

                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
                    page.waitForURL("**/customer/login?logout");
                    assertThat(problems).as("console errors at %d px", width).isEmpty();
                }
            }
            assertThat(overflowing).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String resetLink(MailServer smtp, String to) {
        MailServer.await(() -> mailTo(smtp, to) != null, Duration.ofSeconds(20), () -> "a reset mail to " + to);
        try {
            Matcher link = RESET_LINK.matcher(mailTo(smtp, to).getContent().toString());
            assertThat(link.find()).isTrue();
            return link.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MimeMessage mailTo(MailServer smtp, String to) {
        return smtp.received().stream().filter(m -> {
            try {
                return m.getRecipients(RecipientType.TO)[0].toString().contains(to);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElse(null);
    }
}
