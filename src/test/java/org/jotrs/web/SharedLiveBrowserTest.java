package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.jooq.DSLContext;
import org.jotrs.live.internal.LiveHub;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Chromium;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * Many tabs of one agent share one live connection (a SharedWorker holds it): more tabs than the
 * per-session cap of streams stay live, the server holds one connection for them, every tab still
 * gets its updates, and a tab that closes leaves the others served.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class SharedLiveBrowserTest {

    private static final int TABS = 8;

    @Test
    void oneConnectionServesEveryTab() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.change-feed.poll-interval=100ms",
                        "--jotrs.live.heartbeat-interval=1s", "--jotrs.live.presence-timeout=3s",
                        "--jotrs.live.presence-interval=200ms", "--jotrs.live.max-streams-per-session=2");
                Chromium chromium = Chromium.launch();
                BrowserContext browser = chromium.browser().newContext()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            int alice = Agents.agent(db, "alice", "Alice", "Agent");
            Agents.grant(db, alice, 1, "rw");
            Agents.grant(db, Agents.agent(db, "bob", "Bob", "Berger"), 1, "rw");
            TicketService tickets = jotrs.bean(TicketService.class);
            long ticketId = tickets.createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Plotter offline", "The plotter does not answer.", null, null, null))
                    .ticketId();
            LiveHub hub = jotrs.bean(LiveHub.class);
            int connectionsBefore = hub.openConnections();

            // Bob opens the ticket in half his tabs and the queue view in the others: more than
            // the two streams his session may hold.
            List<Page> tabs = new ArrayList<>();
            List<List<String>> problems = new ArrayList<>();
            Page first = browser.newPage();
            signIn(first, jotrs, "bob");
            for (int tab = 0; tab < TABS; tab++) {
                Page page = tab == 0 ? first : browser.newPage();
                problems.add(Chromium.problemsOf(page, text -> false));
                page.navigate(jotrs.baseUrl() + (tab % 2 == 0 ? "/tickets/" + ticketId : "/queues"));
                tabs.add(page);
            }
            await(() -> hub.sharedPages(), TABS, "pages on the shared connection");
            org.assertj.core.api.Assertions.assertThat(hub.openConnections() - connectionsBefore)
                    .as("server-sent event connections for " + TABS + " tabs").isOne();

            // Alice changes the ticket: every tab shows it without a reload.
            for (Page tab : tabs) {
                tab.evaluate("() => { window.stillTheSamePage = true; }");
            }
            tickets.applyTogether(alice, ticketId, List.of(new TicketAction.ChangeTitle("Plotter offline since Monday"),
                    new TicketAction.AddNote("Note", "Power cycled it.", false)));
            for (int tab = 0; tab < TABS; tab++) {
                Page page = tabs.get(tab);
                if (tab % 2 == 0) {
                    assertThat(page.locator("#ticket-title")).containsText("Plotter offline since Monday");
                    assertThat(page.locator(".article-body").last()).hasText("Power cycled it.");
                    assertThat(page.locator("#live-notice")).containsText("Alice Agent");
                } else {
                    assertThat(page.locator("#queue-tickets")).containsText("Plotter offline since Monday");
                }
                org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.stillTheSamePage === true"))
                        .as("tab " + tab + " was not reloaded").isEqualTo(true);
            }

            // Tabs that close leave; the others stay served by the same connection.
            tabs.removeLast().close();
            tabs.removeLast().close();
            await(() -> hub.sharedPages(), TABS - 2, "pages after two tabs closed");
            org.assertj.core.api.Assertions.assertThat(hub.openConnections() - connectionsBefore).isOne();
            tickets.apply(alice, ticketId, new TicketAction.ChangePriority("4 high"));
            assertThat(tabs.getFirst().locator("#ticket-facts")).containsText("4 high");
            assertThat(tabs.get(1).locator("#queue-tickets")).containsText("4 high");

            for (List<String> tabProblems : problems) {
                org.assertj.core.api.Assertions.assertThat(tabProblems).as("browser console errors").isEmpty();
            }
        }
    }

    private static void await(IntSupplier actual, int expected, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (actual.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        org.assertj.core.api.Assertions.assertThat(actual.getAsInt()).as(what).isEqualTo(expected);
    }

    private static void signIn(Page page, RunningJotrs jotrs, String login) {
        page.navigate(jotrs.baseUrl() + "/login");
        page.getByLabel("Username").fill(login);
        page.getByLabel("Password").fill(Agents.passwordOf(login));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("nav.topnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Queues").setExact(true))).isVisible();
    }
}
