package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.search.SearchRequest;
import org.jotrs.search.TicketSearch;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * An agent searches in a real browser: finds a ticket by a word of its article body as they type,
 * jumps to a ticket by its number, narrows a search with a queue filter, saves it, sees it as a
 * view with its count and opens a result from it.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class SearchBrowserTest {

    @Test
    void agentFindsFiltersSavesAndOpens() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            TicketService tickets = jotrs.bean(TicketService.class);
            long aardvark = tickets.createPhoneTicket(1, new NewPhoneTicket(2, "carla", "Aardvark tunnel",
                    "The quasar flickers every night.", null, null, null)).ticketId();
            long zebra = tickets.createPhoneTicket(1, new NewPhoneTicket(4, "carla", "Zebra crossing",
                    "Another nebula, and a quasar too.", null, null, null)).ticketId();
            String zebraNumber = db.fetchSingle("SELECT tn FROM ticket WHERE id = ?", zebra).get(0, String.class);
            TicketSearch search = jotrs.bean(TicketSearch.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (search.count(1, SearchRequest.of("quasar")) < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            Page page = context.newPage();
            List<String> problems = Chromium.problemsOf(page, text -> false);
            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(jotrs.baseUrl() + "/");

            // As you type: the last word is a prefix, snippets highlight the match.
            page.getByLabel("Search tickets").pressSequentially("flicker");
            assertThat(page.locator("#quick-results")).containsText("Aardvark tunnel");
            assertThat(page.locator("#quick-results mark")).containsText("flickers");
            assertThat(page.locator("#quick-results")).not().containsText("Zebra crossing");

            // An exact ticket number opens the ticket.
            page.getByLabel("Search tickets").fill(zebraNumber);
            page.getByLabel("Search tickets").press("Enter");
            page.waitForURL("**/tickets/" + zebra);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Zebra crossing");

            // The search page with a filter.
            page.getByLabel("Search tickets").fill("quasar");
            page.getByLabel("Search tickets").press("Enter");
            page.waitForURL("**/search?q=quasar");
            assertThat(page.locator("table.search-results")).containsText("Aardvark tunnel");
            assertThat(page.locator("table.search-results")).containsText("Zebra crossing");
            page.getByText("Advanced search", new Page.GetByTextOptions().setExact(true)).click();
            page.getByLabel("Queues").selectOption("Misc");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(page.locator("table.search-results")).containsText("Zebra crossing");
            assertThat(page.locator("table.search-results")).not().containsText("Aardvark tunnel");

            // Saved as a view with its count, and a result opened from it.
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Quasars in Misc");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this search")).click();
            assertThat(page.locator("main").getByRole(AriaRole.STATUS)).containsText("Quasars in Misc");
            assertThat(page.locator(".topnav .saved-view")).containsText("Quasars in Misc");
            assertThat(page.locator(".topnav .saved-view .count")).hasText("1");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/search.png")).setFullPage(true));
            page.locator(".topnav .saved-view").click();
            page.locator("table.search-results").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Zebra crossing")).click();
            page.waitForURL("**/tickets/" + zebra);
            assertThat(aardvark).isNotEqualTo(zebra);
            assertThat(problems).isEmpty();
        }
    }
}
