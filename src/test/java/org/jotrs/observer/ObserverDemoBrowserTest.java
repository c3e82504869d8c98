package org.jotrs.observer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The two-minute tour in a real browser: the admin sets up an observed site and a key, the demo
 * page (SDK embedded) is rage-clicked and throws, and the agent finds the incident with its ticket
 * (5 seconds on a quiet machine, see docs/benchmarks.md); the SDK's handlers cost the page well under a millisecond each.
 */
@org.junit.jupiter.api.Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class ObserverDemoBrowserTest {

    @Test
    void rageClicksOnTheDemoPageBecomeAnIncidentWithATicket() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            // The demo's coupon button throws on purpose.
            List<String> problems = Chromium.problemsOf(page, text -> text.contains("Cannot read properties of undefined"));

            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.navigate(jotrs.baseUrl() + "/admin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Observed sites")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New site")).click();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Demo shop");
            page.getByLabel("Allowed origins").fill(jotrs.baseUrl());
            page.getByLabel("Occurrences before a ticket").fill("1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create site")).click();
            assertThat(page.locator("main").getByRole(AriaRole.STATUS)).containsText("Site created.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue a key")).click();
            assertThat(page.locator("#issued-key")).containsText("jok_");
            assertThat(page.locator("#snippet")).containsText("/observer/sdk/v1/observer.js\" data-key=\"jok_");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/observer-site.png")).setFullPage(true));
            page.locator("#demo-link").click();

            assertThat(page.getByRole(AriaRole.HEADING)).containsText("A shop that misbehaves");
            page.waitForFunction("() => window.JotrsObserver !== undefined");
            for (int i = 0; i < 30; i++) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to basket")).click();
            }
            assertThat(page.locator("#basket")).hasText("30");
            long struggled = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay now")).click();
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply coupon")).click();
            @SuppressWarnings("unchecked")
            Map<String, Object> stats = (Map<String, Object>) page.evaluate("() => window.JotrsObserver.stats()");
            double handlers = ((Number) stats.get("handlers")).doubleValue();
            double mean = ((Number) stats.get("totalMs")).doubleValue() / handlers;
            System.out.printf("[observer] SDK handlers: %.0f calls, mean %.3f ms, slowest %.3f ms%n", handlers, mean,
                    ((Number) stats.get("maxMs")).doubleValue());
            // The figure itself is measured in docs/benchmarks.md; here only a bound no loaded machine excuses.
            org.assertj.core.api.Assertions.assertThat(mean).as("mean SDK handler time (ms)").isLessThan(16.0);

            // Leaving the page hands what is queued to sendBeacon; the agent looks for the incident.
            page.navigate(jotrs.baseUrl() + "/observer/incidents");
            // Both incidents, the first with its ticket; the 5 s of the issue is measured, not asserted
            // (a loaded CI machine is no reason to fail), and the bound here only catches a pipeline that stopped.
            long deadline = struggled + 60_000_000_000L;
            while (page.locator("#incidents tr", new Page.LocatorOptions().setHasText("Rage clicks: Pay now"))
                    .locator("a", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Ticket")).count() == 0
                    || page.locator("#incidents tr", new Page.LocatorOptions().setHasText("Click raises an error: Apply coupon"))
                            .count() == 0) {
                org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("incidents with a ticket within 60 s")
                        .isLessThan(deadline);
                page.waitForTimeout(200);
                page.reload();
            }
            System.out.printf("[observer] frustrating click to ticket on the incident list: %.2f s%n",
                    (System.nanoTime() - struggled) / 1e9);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/observer-incidents.png")).setFullPage(true));
            assertThat(page.locator("#incidents")).containsText("Click raises an error: Apply coupon");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rage clicks: Pay now on /observer/demo")).click();
            assertThat(page.locator("#story")).containsText("clicked “Pay now” 4 times");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/observer-incident.png")).setFullPage(true));
            page.locator("#incident-ticket").click();
            assertThat(page.locator("body")).containsText("Rage clicks: Pay now on /observer/demo");
            assertThat(page.locator("body")).containsText("What the user did");
            org.assertj.core.api.Assertions.assertThat(problems).as("nothing but the demo's own error")
                    .allMatch(problem -> problem.contains("reading 'coupon'"));
        }
    }
}
