package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * The agent's keyboard: the skip link, shortcuts through a list into a ticket (next, previous,
 * open, from the ticket the next and previous ticket of that list, note, close, reply, search) and
 * the "?" overlay; and the small things that need a browser:
 * bulk merge asks first, ending a session asks first, the time-zone search picks a zone.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class KeyboardBrowserTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static Chromium chromium;
    private static final List<Long> tickets = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        chromium = Chromium.launch();
        DSLContext db = jotrs.bean(DSLContext.class);
        Agents.customerCarla(db);
        TicketService service = jotrs.bean(TicketService.class);
        for (String title : List.of("First call about the printer", "Second call about the scanner", "Third call about the VPN")) {
            tickets.add(service.createPhoneTicket(1, new NewPhoneTicket(2, "carla", title, "Please help.", null, null, null))
                    .ticketId());
        }
    }

    @AfterAll
    static void stop() {
        chromium.close();
        jotrs.close();
        database.close();
    }

    private static Page signedIn(BrowserContext browser) {
        Page page = browser.newPage();
        page.navigate(jotrs.baseUrl() + "/login");
        page.getByLabel("Username").fill("root@localhost");
        page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(jotrs.baseUrl() + "/");
        return page;
    }

    @Test
    void anAgentWorksThroughAListWithTheKeyboard() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            List<String> problems = Chromium.problemsOf(page, message -> false);
            page.navigate(jotrs.baseUrl() + "/tickets");

            // The first Tab reaches the skip link, which is visible when focused and leads to the content.
            page.keyboard().press("Tab");
            assertThat(page.locator(".skip-link")).isFocused();
            assertThat(page.locator(".skip-link")).isInViewport();
            page.keyboard().press("Enter");
            assertThat(page.locator("main#main")).isFocused();

            // "?" shows the shortcuts; Escape closes them.
            page.keyboard().press("?");
            assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
            assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Next ticket in the list");
            page.keyboard().press("Escape");
            assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();

            // j, j, k walk the list; the chosen row is marked and its link has a visible focus ring.
            Locator titles = page.locator("table.tickets tbody td.title a");
            page.keyboard().press("j");
            assertThat(titles.nth(0)).isFocused();
            page.keyboard().press("j");
            assertThat(titles.nth(1)).isFocused();
            page.keyboard().press("k");
            assertThat(titles.nth(0)).isFocused();
            assertThat(page.locator("table.tickets tr.kb-current")).hasCount(1);
            Object outline = titles.nth(0).evaluate("a => getComputedStyle(a).outlineStyle");
            org.assertj.core.api.Assertions.assertThat(outline).as("focus ring").isNotEqualTo("none");
            String first = titles.nth(0).getAttribute("href");
            String second = titles.nth(1).getAttribute("href");
            page.keyboard().press("Enter");
            page.waitForURL(jotrs.baseUrl() + first);

            // In the ticket, j and k open the next and previous ticket of the list it was opened
            // from; the list navigation shows the same way for the mouse.
            assertThat(page.locator("#list-nav")).isVisible();
            assertThat(page.locator("#list-nav [data-list-previous]")).hasCount(0);
            assertThat(page.locator("#list-nav [data-list-next]")).hasAttribute("href", second);
            assertThat(page.locator("#list-nav [data-list-back]")).hasAttribute("href", "/tickets");
            page.keyboard().press("j");
            page.waitForURL(jotrs.baseUrl() + second);
            assertThat(page.locator("#list-nav [data-list-previous]")).hasAttribute("href", first);
            page.keyboard().press("k");
            page.waitForURL(jotrs.baseUrl() + first);
            // "?" in a ticket lists them.
            page.keyboard().press("?");
            assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Open the next ticket of your list");
            page.keyboard().press("Escape");

            // n opens the note form with the text box (the rich-text editor) focused; typing there is
            // not taken as shortcuts.
            page.keyboard().press("n");
            assertThat(page.locator("#note-body-rich")).isFocused();
            page.keyboard().type("j k r c");
            assertThat(page.locator("#note-body-rich")).hasText("j k r c");
            assertThat(page).hasURL(jotrs.baseUrl() + first);

            // c (from outside a field) picks a closing state in the same form, so close-with-note is one submit.
            page.locator("#note-body-rich").blur();
            page.keyboard().press("c");
            assertThat(page.locator("#note-next-state")).hasValue(Pattern.compile("closed.*"));
            page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click());
            assertThat(page.locator(".facts")).containsText("closed successful");

            // "/" focuses the search; r opens the reply form.
            page.keyboard().press("/");
            assertThat(page.locator(".quick-search input[type=search]")).isFocused();
            page.locator(".quick-search input[type=search]").blur();
            page.keyboard().press("r");
            page.waitForURL(Pattern.compile(".*/tickets/\\d+/reply.*"));
            org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();
        }
    }

    @Test
    void jAndKGoOnAcrossPagesAndStopAtTheEndsOfTheList() {
        TicketService service = jotrs.bean(TicketService.class);
        org.jotrs.platform.Settings settings = jotrs.bean(org.jotrs.platform.Settings.class);
        settings.change(1, "ticket.list.page-size", "10", settings.state(1, "ticket.list.page-size").version());
        // Two pages of at most ten, whether or not the other test here closed a ticket already.
        for (int i = 0; i < 10; i++) {
            tickets.add(service.createPhoneTicket(1, new NewPhoneTicket(2, "carla", "Paged call " + i, "Please help.",
                    null, null, null)).ticketId());
        }
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            List<String> problems = Chromium.problemsOf(page, message -> false);
            page.navigate(jotrs.baseUrl() + "/tickets");
            Locator titles = page.locator("table.tickets tbody td.title a");
            Locator status = page.getByRole(AriaRole.STATUS).and(page.locator("#kb-status"));
            assertThat(titles).hasCount(10);

            // k on the first row of the first page stays there and says so.
            page.keyboard().press("j");
            assertThat(titles.nth(0)).isFocused();
            page.keyboard().press("k");
            assertThat(titles.nth(0)).isFocused();
            assertThat(status).hasText("This is the first ticket of the list.");

            // j past the last row opens the next page at its first row; k before it goes back to the last.
            for (int i = 1; i < 10; i++) {
                page.keyboard().press("j");
            }
            assertThat(titles.nth(9)).isFocused();
            String lastOfFirstPage = titles.nth(9).getAttribute("href");
            page.keyboard().press("j");
            page.waitForURL(Pattern.compile(".*[?&]page=1.*"));
            assertThat(titles.first()).isFocused();
            assertThat(page.locator("table.tickets tr.kb-current")).hasCount(1);
            int onSecondPage = titles.count();
            page.keyboard().press("k");
            page.waitForURL(Pattern.compile(".*/tickets(\\?(?!.*page=1).*)?$"));
            assertThat(titles.nth(9)).isFocused();
            assertThat(titles.nth(9)).hasAttribute("href", lastOfFirstPage);

            // At the last row of the last page j stays and says so.
            page.keyboard().press("j");
            page.waitForURL(Pattern.compile(".*[?&]page=1.*"));
            for (int i = 1; i < onSecondPage; i++) {
                page.keyboard().press("j");
            }
            assertThat(titles.nth(onSecondPage - 1)).isFocused();
            String lastUrl = page.url();
            page.keyboard().press("j");
            assertThat(status).hasText("This is the last ticket of the list.");
            assertThat(titles.nth(onSecondPage - 1)).isFocused();
            assertThat(page).hasURL(lastUrl);

            // In the last ticket of the list, j says so too instead of doing nothing.
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/tickets/\\d+$"));
            assertThat(page.locator("#list-nav [data-list-next]")).hasCount(0);
            String lastTicket = page.url();
            page.keyboard().press("j");
            assertThat(status).hasText("This is the last ticket of the list.");
            assertThat(page).hasURL(lastTicket);
            org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();
        }
    }

    @Test
    void bulkMergeAndEndingASessionAskFirst() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            page.navigate(jotrs.baseUrl() + "/tickets");
            page.locator("input[name=ticketId][value='" + tickets.get(2) + "']").check();
            page.getByText("Change the selected tickets").click();
            page.locator("#bulk-merge").fill("1");
            List<String> asked = new ArrayList<>();
            page.onceDialog(dialog -> {
                asked.add(dialog.message());
                dialog.dismiss();
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to selected")).click();
            assertThat(page).hasURL(jotrs.baseUrl() + "/tickets");
            assertThat(page.locator("#bulk-merge")).hasValue("1");
            org.assertj.core.api.Assertions.assertThat(asked).singleElement().asString().contains("cannot be undone");

            page.navigate(jotrs.baseUrl() + "/admin/sessions");
            int sessions = page.locator("table.grid tbody tr").count();
            List<String> askedToEnd = new ArrayList<>();
            page.onceDialog(dialog -> {
                askedToEnd.add(dialog.message());
                dialog.dismiss();
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("End"))).first().click();
            assertThat(page).hasURL(jotrs.baseUrl() + "/admin/sessions");
            assertThat(page.locator("table.grid tbody tr")).hasCount(sessions);
            org.assertj.core.api.Assertions.assertThat(askedToEnd).singleElement().asString().contains("End this session?");
        }
    }

    @Test
    void theTimeZoneSearchPicksAZone() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            page.navigate(jotrs.baseUrl() + "/preferences");
            assertThat(page.locator("#timeZone optgroup[label=Europe]")).hasCount(1);
            page.getByLabel("Find a time zone (city or region)").fill("berlin");
            assertThat(page.locator("#timeZone")).hasValue("Europe/Berlin");
            org.assertj.core.api.Assertions.assertThat(page.locator("#timeZone option:not([hidden])").count()).isEqualTo(1);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferences")).click();
            assertThat(page.locator(".who-zone")).hasText("Europe/Berlin");
        }
    }
}
