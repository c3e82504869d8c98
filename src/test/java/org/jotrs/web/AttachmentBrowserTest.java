package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.NewArticle;
import org.jotrs.article.NewAttachment;
import org.jotrs.article.SenderType;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Customers;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent attaches files to a phone ticket in a real browser, finds them in the zoom and
 * downloads one; an HTML mail on the ticket shows in its sandboxed frame, with its inline image
 * and without its script.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class AttachmentBrowserTest {

    /** A 1x1 PNG, for the inline image. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void agentUploadsOnThePhoneFormAndDownloadsFromTheZoom() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setAcceptDownloads(true))) {
            Customers.aCustomerUser("carla").in(jotrs.bean(DSLContext.class));
            Page page = context.newPage();
            List<String> problems = Chromium.problemsOf(page, text -> false);

            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New phone ticket")).click();
            page.getByLabel("Customer user").fill("carla");
            page.getByLabel("Queue").selectOption("Raw");
            page.getByLabel("Title").fill("Printer prints gibberish");
            page.getByLabel("What the customer said").fill("She sent the print log and a photo.");
            byte[] log = "PCL XL error\nSubsystem: KERNEL\n".getBytes(StandardCharsets.UTF_8);
            page.getByLabel("Attachments").setInputFiles(new FilePayload[] {
                    new FilePayload("print log.txt", "text/plain", log),
                    new FilePayload("Foto Drucker.png", "image/png", PIXEL)});
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-ticket-attachments.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create ticket")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Printer prints gibberish");
            assertThat(page.locator(".attachments")).containsText("print log.txt");
            assertThat(page.locator(".attachments")).containsText("Foto Drucker.png");

            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("print log.txt")).click());
            assertThat(download.suggestedFilename()).isEqualTo("print log.txt");
            assertThat(Files.readAllBytes(download.path())).isEqualTo(log);

            page.getByText("Add a note").click();
            page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Driver log from the print server.");
            page.locator("#note-attachments").setInputFiles(new FilePayload("spooler.log", "text/plain",
                    "job 42 failed".getBytes(StandardCharsets.UTF_8)));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/note-attachment.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(page.locator(".attachments").last()).containsText("spooler.log");

            // An HTML mail arrives on the ticket (mail intake is not built yet, so through the article service).
            long ticketId = Long.parseLong(page.url().replaceAll("^.*/tickets/(\\d+).*$", "$1"));
            ArticleService articles = jotrs.bean(ArticleService.class);
            jotrs.bean(TransactionTemplate.class).executeWithoutResult(status -> articles.add(new NewArticle(ticketId,
                    SenderType.CUSTOMER, Channel.EMAIL, true, "\"Carla Customer\" <carla@example.com>", "Raw",
                    "Re: Printer prints gibberish", null, 1,
                    "<h2>Still broken</h2><p>Here is the <b>error page</b>:</p><p><img src=\"cid:shot@carla\" alt=\"screenshot\""
                            + " width=\"40\" height=\"40\"></p><script>document.title='pwned'</script>"
                            + "<p><img src=\"https://tracker.example/p.gif\" alt=\"tracker\"></p>",
                    List.of(new NewAttachment("shot.png", "image/png", PIXEL, "shot@carla", "inline")))));
            page.reload();
            // The call and the note were written in the rich-text editor, so they are HTML articles too.
            FrameLocator frame = page.frameLocator("iframe.article-html").last();
            assertThat(frame.locator("h2")).hasText("Still broken");
            assertThat(frame.locator("img[alt=screenshot]")).hasAttribute("src", java.util.regex.Pattern.compile("^data:image/png;base64,"));
            Object loaded = frame.locator("img[alt=screenshot]").evaluate("img => img.complete && img.naturalWidth");
            assertThat(((Number) loaded).intValue()).isEqualTo(1);
            assertThat(frame.locator("script")).hasCount(0);
            assertThat(page.title()).doesNotContain("pwned");
            assertThat(frame.locator("h2")).isVisible();
            Page direct = context.newPage();
            direct.navigate(jotrs.baseUrl() + page.locator("iframe.article-html").last().getAttribute("src"));
            direct.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/html-article-direct.png")));
            direct.close();
            page.locator("iframe.article-html").last().scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/zoom-attachments-html.png")));

            assertThat(problems).as("browser console errors").isEmpty();
        }
    }
}
