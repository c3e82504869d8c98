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
 * The zoom's field panel with two agents: Alice starts editing the title; Bob raises the priority
 * and Alice's untouched priority follows at once; Bob then renames the ticket, Alice is told beside
 * her title, and her save is refused naming Bob instead of undoing his change.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class ZoomFieldsBrowserTest {

    @Test
    void thePanelFollowsColleaguesAndNeverOverwritesThem() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.change-feed.poll-interval=100ms");
                Chromium chromium = Chromium.launch();
                BrowserContext alicesBrowser = chromium.browser().newContext();
                BrowserContext bobsBrowser = chromium.browser().newContext()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            Agents.grant(db, Agents.agent(db, "alice", "Alice", "Agent"), 1, "rw");
            Agents.grant(db, Agents.agent(db, "bob", "Bob", "Berger"), 1, "rw");
            long ticketId = jotrs.bean(TicketService.class).createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Plotter offline", "The plotter does not answer.", null, null, null))
                    .ticketId();
            String zoom = jotrs.baseUrl() + "/tickets/" + ticketId;

            Page alice = signIn(alicesBrowser.newPage(), jotrs, "alice");
            // The refused save is answered 409, which the browser reports as a failed load.
            List<String> problems = Chromium.problemsOf(alice, text -> text.contains("status of 409"));
            alice.navigate(zoom);
            alice.getByLabel("Title").fill("Plotter offline since Monday");

            Page bob = signIn(bobsBrowser.newPage(), jotrs, "bob");
            bob.navigate(zoom);
            bob.getByLabel("Priority").selectOption("5 very high");
            bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(bob.locator(".facts")).containsText("5 very high");

            // Alice's priority follows; what she typed stays.
            assertThat(alice.getByLabel("Priority")).hasValue("5 very high");
            assertThat(alice.getByLabel("Title")).hasValue("Plotter offline since Monday");

            bob.getByLabel("Title").fill("Plotter on floor 4 offline");
            bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(bob.locator("#ticket-title")).containsText("Plotter on floor 4 offline");
            assertThat(alice.locator("#note-title")).containsText("Bob Berger changed this meanwhile");
            assertThat(alice.getByLabel("Title")).hasValue("Plotter offline since Monday");
            alice.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/zoom-fields-followed.png")).setFullPage(true));

            alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(alice.locator("#ticket-fields [role=alert]")).containsText("someone else changed this ticket");
            assertThat(alice.locator("#ticket-fields")).containsText("Changed by Bob Berger since you opened it.");
            assertThat(alice.getByLabel("Title")).hasValue("Plotter on floor 4 offline");
            assertThat(alice.getByLabel("Priority")).hasValue("5 very high");
            assertThat(alice.locator("#ticket-history")).containsText("Title changed from “Plotter offline” to “Plotter on floor 4 offline”.");
            assertThat(alice.locator("#ticket-history")).containsText("Priority changed from 3 normal to 5 very high.");
            alice.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/zoom-fields-conflict.png")).setFullPage(true));
            assertThat(db.fetchSingle("SELECT title FROM ticket WHERE id = ?", ticketId).get(0, String.class))
                    .isEqualTo("Plotter on floor 4 offline");
            assertThat(problems).as("console errors").isEmpty();
        }
    }

    private static Page signIn(Page page, RunningJotrs jotrs, String login) {
        page.navigate(jotrs.baseUrl() + "/login");
        page.getByLabel("Username").fill(login);
        page.getByLabel("Password").fill(Agents.passwordOf(login));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("nav.topnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Queues").setExact(true))).isVisible();
        return page;
    }
}
