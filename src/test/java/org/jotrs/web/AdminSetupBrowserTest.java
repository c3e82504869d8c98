package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * A fresh install set up from the browser alone, without SQL: the administrator creates a
 * company and a customer user, takes that customer's call as a phone ticket, then creates a
 * queue and finds it offered in the phone ticket form.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class AdminSetupBrowserTest {

    @Test
    void adminSetsUpCustomersAndAQueueWithoutSql() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            // The refused duplicate answers 422 on purpose; Chrome logs every 4xx page load.
            List<String> problems = Chromium.problemsOf(page, text -> text.contains("status of 422"));

            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.locator("nav.topnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Admin").setExact(true)).click();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-index.png")).setFullPage(true));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customer companies")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New company")).click();
            page.getByLabel("Customer id").fill("ACME");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Acme Inc.");
            page.getByLabel("City").fill("Springfield");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create company")).click();
            assertThat(page.locator("main").getByRole(AriaRole.STATUS)).containsText("Company Acme Inc. created.");

            page.navigate(jotrs.baseUrl() + "/admin/customers");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New customer user")).click();
            page.getByLabel("Login").fill("carla");
            page.getByLabel("First name").fill("Carla");
            page.getByLabel("Last name").fill("Customer");
            page.getByLabel("Mail address").fill("carla@example.com");
            page.getByLabel("Company").pressSequentially("ac");
            // the company typeahead fills the datalist through htmx
            assertThat(page.locator("#company-options option[value=ACME]")).hasCount(1);
            page.getByLabel("Company").fill("ACME");
            page.getByLabel("Password").fill("carla-secret-1");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-customer-user.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create customer user")).click();
            assertThat(page.locator("main").getByRole(AriaRole.STATUS)).containsText("Customer user carla created.");

            // the same login again is refused with a message beside the field
            page.navigate(jotrs.baseUrl() + "/admin/customers/new");
            page.getByLabel("Login").fill("CARLA");
            page.getByLabel("First name").fill("Carla");
            page.getByLabel("Last name").fill("Again");
            page.getByLabel("Mail address").fill("carla@@example");
            page.getByLabel("Company").fill("ACME");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create customer user")).click();
            assertThat(page.locator(".field-error").first()).containsText("There is already a customer user with the login “CARLA”.");
            assertThat(page.locator(".field-error").nth(1)).containsText("is not a valid mail address");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-customer-refused.png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New phone ticket")).click();
            // Typing before the new page's load event can beat htmx to the input (seen once in CI).
            page.waitForURL("**/tickets/new");
            page.getByLabel("Customer user").pressSequentially("car");
            assertThat(page.locator("#customer-options option[value=carla]")).hasCount(1);
            page.getByLabel("Customer user").fill("carla");
            page.getByLabel("Queue").selectOption("Raw");
            page.getByLabel("Title").fill("Printer on fire");
            page.getByLabel("What the customer said").fill("It smells of smoke.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create ticket")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Printer on fire");
            assertThat(page.locator("main")).containsText("\"Carla Customer\" <carla@example.com>");

            page.navigate(jotrs.baseUrl() + "/admin/queues");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New queue")).click();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Facilities");
            page.getByLabel("Group").selectOption("users");
            page.getByLabel("Solution time (minutes)").fill("480");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-queue.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create queue")).click();
            assertThat(page.locator("main").getByRole(AriaRole.STATUS)).containsText("Queue Facilities created.");
            page.navigate(jotrs.baseUrl() + "/admin/queues");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-queues.png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New phone ticket")).click();
            assertThat(page.locator("#queueId option", new Page.LocatorOptions().setHasText("Facilities"))).hasCount(1);
            page.getByLabel("Queue").selectOption("Facilities");

            assertThat(problems).as("browser console errors").isEmpty();
        }
    }
}
