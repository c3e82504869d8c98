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
 * Two agents in two browsers: Bob has a ticket open while Alice opens it too and adds a note.
 * Bob sees that Alice is viewing it, then her note appear, without a reload and without losing
 * the note he is typing; when Alice leaves, so does her name. The queue view follows too.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class LiveUpdatesBrowserTest {

    @Test
    void anotherAgentsNoteAppearsWithoutReloadAndViewersComeAndGo() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.change-feed.poll-interval=100ms",
                        "--jotrs.live.heartbeat-interval=1s", "--jotrs.live.presence-timeout=3s",
                        "--jotrs.live.presence-interval=200ms");
                Chromium chromium = Chromium.launch();
                BrowserContext alicesBrowser = chromium.browser().newContext();
                BrowserContext bobsBrowser = chromium.browser().newContext()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            Agents.grant(db, Agents.agent(db, "alice", "Alice", "Agent"), 1, "rw");
            Agents.grant(db, Agents.agent(db, "bob", "Bob", "Berger"), 1, "rw");
            long ticketId = jotrs.bean(TicketService.class).createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Scanner offline", "The scanner on floor 2 is offline.", null, null, null))
                    .ticketId();
            String zoom = jotrs.baseUrl() + "/tickets/" + ticketId;

            Page bob = signIn(bobsBrowser.newPage(), jotrs, "bob");
            List<String> bobsProblems = Chromium.problemsOf(bob, text -> false);
            bob.navigate(zoom);
            bob.getByText("Add a note").click();
            bob.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Draft: asked for the model.");
            assertThat(bob.locator("#live-viewers")).isHidden();
            // Survives only as long as the page is not reloaded.
            bob.evaluate("() => { window.stillTheSamePage = true; }");

            Page alice = signIn(alicesBrowser.newPage(), jotrs, "alice");
            List<String> alicesProblems = Chromium.problemsOf(alice, text -> false);
            alice.navigate(zoom);
            assertThat(bob.locator("#live-viewers")).hasText("Also viewing: Alice Agent");
            assertThat(alice.locator("#live-viewers")).hasText("Also viewing: Bob Berger");

            alice.getByText("Add a note").click();
            alice.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Replaced the network cable.");
            alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            // Written in the rich-text editor, the note is an HTML article in its sandboxed frame.
            assertThat(alice.frameLocator("iframe.article-html").last().locator("body")).hasText("Replaced the network cable.");

            assertThat(bob.frameLocator("iframe.article-html").last().locator("body")).hasText("Replaced the network cable.");
            assertThat(bob.locator("#live-notice")).hasText("Updated by Alice Agent: new article.");
            assertThat(bob.locator("#ticket-history")).containsText("Note added.");
            assertThat(bob.getByLabel("Note", new Page.GetByLabelOptions().setExact(true))).hasText("Draft: asked for the model.");
            assertThat(bob.evaluate("() => window.stillTheSamePage === true")).isEqualTo(true);
            // Her own change is on her page already: no second refresh, no notice.
            assertThat(alice.locator("#live-notice")).isHidden();
            assertThat(bob.locator("#live-viewers")).hasText("Also viewing: Alice Agent");
            bob.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/live-zoom.png")).setFullPage(true));

            alice.navigate(jotrs.baseUrl() + "/queues");
            assertThat(bob.locator("#live-viewers")).isHidden();

            bob.navigate(jotrs.baseUrl() + "/queues");
            bob.evaluate("() => { window.stillTheSamePage = true; }");
            assertThat(bob.locator("#queue-tickets")).containsText("3 normal");
            alice.navigate(zoom);
            alice.getByLabel("Priority").selectOption("5 very high");
            alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(alice.locator(".facts")).containsText("5 very high");
            assertThat(bob.locator("#queue-tickets")).containsText("5 very high");
            assertThat(bob.evaluate("() => window.stillTheSamePage === true")).isEqualTo(true);
            bob.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/live-queues.png")));

            assertThat(bobsProblems).as("Bob's console errors").isEmpty();
            assertThat(alicesProblems).as("Alice's console errors").isEmpty();
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
