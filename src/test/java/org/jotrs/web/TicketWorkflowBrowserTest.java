package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.db.schema.Tables;
import org.jotrs.testing.Customers;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * An agent's day in a real browser: finds a new ticket in the queue view, adds a note, replies to
 * the customer by mail, sets the ticket pending, merges a duplicate into it, and closes a
 * selection of tickets in one bulk action.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class TicketWorkflowBrowserTest {

    @Test
    void noteReplyPendingMergeAndBulkClose() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Customers.aCustomerUser("carla").in(db);
            TicketService tickets = jotrs.bean(TicketService.class);
            long main = tickets.createPhoneTicket(1, new NewPhoneTicket(2, "carla", "Printer on floor 3 jams",
                    "Paper jams on every print.", null, null, null)).ticketId();
            long duplicate = tickets.createPhoneTicket(1, new NewPhoneTicket(2, "carla", "Printer jams (again)",
                    "Still jamming, called twice.", null, null, null)).ticketId();
            List<Long> batch = List.of(
                    tickets.createPhoneTicket(1, new NewPhoneTicket(4, "carla", "Old request one", "x", null, null, null)).ticketId(),
                    tickets.createPhoneTicket(1, new NewPhoneTicket(4, "carla", "Old request two", "y", null, null, null)).ticketId());
            String mainNumber = db.select(Tables.TICKET.TN).from(Tables.TICKET).where(Tables.TICKET.ID.eq(main)).fetchSingle().value1();

            Page page = context.newPage();
            List<String> problems = Chromium.problemsOf(page, text -> false);
            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            // Find it in the queue view, sorted newest first.
            page.locator("nav.topnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Queues").setExact(true)).click();
            page.locator(".queue-list").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Raw")).click();
            // Oldest first, as OTRS opens it; one click on the column turns it round.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Created ▲")).click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Created ▼"))).isVisible();
            assertThat(page.locator("table.tickets tbody tr").first()).containsText("Printer jams (again)");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/queue-view.png")));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Printer on floor 3 jams")).click();

            // Note.
            page.getByText("Add a note").click();
            page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Technician booked for Tuesday.");
            page.locator("#note-time").fill("0.5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            // Written in the rich-text editor, the note is an HTML article in its sandboxed frame.
            assertThat(page.frameLocator("iframe.article-html").last().locator("body")).hasText("Technician booked for Tuesday.");
            assertThat(page.locator(".facts")).containsText("0.5");

            // Reply by mail to the customer's article.
            page.locator(".article-actions").first().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Reply")).click();
            assertThat(page.getByLabel("To")).hasValue("\"Carla Customer\" <carla@example.com>");
            assertThat(page.getByLabel("Subject")).hasValue("RE: [Ticket#" + mainNumber + "] Printer on floor 3 jams");
            // Typed once the editor has started: keys typed into the textarea before it starts would go on
            // into the hidden textarea (the final run of 7 December lost "arla, a technician …" that way).
            assertThat(page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)))
                    .hasClass(java.util.regex.Pattern.compile("rich-area"));
            page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).press("Control+Home");
            page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).pressSequentially("Hello Carla, a technician comes on Tuesday.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/reply.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send mail")).click();
            assertThat(page.locator(".article").last()).containsText("RE: [Ticket#" + mainNumber + "]");
            assertThat(page.locator(".article .tag").getByText("Email")).hasCount(1);
            // Written in the rich-text editor, the reply is an HTML article, shown in its sandboxed frame.
            assertThat(page.frameLocator("iframe.article-html").last().locator("body"))
                    .containsText("Hello Carla, a technician comes on Tuesday.");
            assertThat(db.fetchCount(Tables.JOTRS_MAIL_OUTBOX)).isEqualTo(1);

            // Pending until Tuesday.
            page.getByLabel("State", new Page.GetByLabelOptions().setExact(true)).selectOption("pending reminder");
            page.getByLabel("Pending until").fill(LocalDateTime.now().plusDays(3).withSecond(0).withNano(0).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(page.locator(".facts")).containsText("pending reminder");

            // Merge the duplicate into it: the browser lands on the surviving ticket, with both calls.
            page.navigate(jotrs.baseUrl() + "/tickets/" + duplicate);
            page.getByText("Merge or link").click();
            page.getByLabel("Merge into Ticket#").fill(mainNumber);
            // Merging cannot be undone: the page asks first.
            page.onceDialog(dialog -> dialog.accept());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge")).click();
            assertThat(page).hasURL(jotrs.baseUrl() + "/tickets/" + main);
            assertThat(page.locator(".article-body").getByText("Still jamming, called twice.")).hasCount(1);
            assertThat(page.locator(".links")).containsText("Child");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/merged.png")).setFullPage(true));

            // Bulk-close the two old requests from the status view.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Status")).click();
            for (long id : batch) {
                page.locator("input[name=ticketId][value='" + id + "']").check();
            }
            page.getByText("Change the selected tickets").click();
            page.locator("#bulk-state").selectOption("closed successful");
            page.locator("#bulk-note-body").fill("Closed during clean-up.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/bulk.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to selected")).click();
            assertThat(page.locator("main").getByRole(AriaRole.STATUS)).containsText("Changed 2 of 2 tickets.");
            assertThat(page.locator("table.tickets")).not().containsText("Old request one");
            for (long id : batch) {
                assertThat(tickets.details(1, id).state()).isEqualTo("closed successful");
            }
            assertThat(problems).as("browser console errors").isEmpty();
        }
    }
}
