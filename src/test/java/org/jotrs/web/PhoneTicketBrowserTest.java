package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Customers;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * An agent takes a customer's call in a real browser: picks the customer from the typeahead,
 * creates the phone ticket, reads it in the zoom, adds a note, sets it pending (first without the
 * date, which is refused) and finds it in the queue view.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class PhoneTicketBrowserTest {

    @Test
    void agentCreatesAPhoneTicketAndFindsItInTheQueue() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Customers.aCustomerUser("carla").in(jotrs.bean(DSLContext.class));
            Page page = context.newPage();
            // The refused pending state answers 422 on purpose; Chrome logs every 4xx page load.
            List<String> problems = Chromium.problemsOf(page, text -> text.contains("status of 422"));

            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New phone ticket")).click();
            // Typing before the new page's load event can beat htmx to the input.
            page.waitForURL("**/tickets/new");
            page.getByLabel("Customer user").pressSequentially("car");
            // The typeahead fills the datalist through htmx, with the CSRF header set by jotrs.js.
            assertThat(page.locator("#customer-options option[value=carla]")).hasCount(1);
            page.getByLabel("Customer user").fill("carla");
            page.getByLabel("Queue").selectOption("Raw");
            page.getByLabel("Title").fill("VPN drops every hour");
            page.getByLabel("What the customer said").fill("Since Monday the VPN disconnects hourly.");
            page.getByLabel("Priority").selectOption("4 high");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-ticket.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create ticket")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("VPN drops every hour");
            // Written in the rich-text editor, the call and the note are HTML articles in sandboxed frames.
            assertThat(page.frameLocator("iframe.article-html").last().locator("body"))
                    .hasText("Since Monday the VPN disconnects hourly.");
            assertThat(page.locator(".facts")).containsText("4 high");

            page.getByText("Add a note").click();
            page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Asked for the router's model.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(page.locator("iframe.article-html")).hasCount(2);
            assertThat(page.frameLocator("iframe.article-html").last().locator("body")).hasText("Asked for the router's model.");

            page.getByLabel("State", new Page.GetByLabelOptions().setExact(true)).selectOption("pending reminder");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("A pending state needs the date and time to wait until.");
            page.getByLabel("State", new Page.GetByLabelOptions().setExact(true)).selectOption("pending reminder");
            page.getByLabel("Pending until").fill(java.time.LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(page.locator(".facts")).containsText("pending reminder");
            assertThat(page.locator(".facts")).containsText("Pending until");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/zoom.png")).setFullPage(true));

            page.locator("nav.topnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Queues").setExact(true)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Raw")).click();
            assertThat(page.locator("table.grid")).containsText("VPN drops every hour");
            assertThat(page.locator(".queue-list")).containsText("1");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/queues.png")));

            assertThat(problems).as("browser console errors").isEmpty();
        }
    }
}
