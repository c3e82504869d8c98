package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
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

/** The main screens at a phone's 390 px and at 768, 1440 and 1920 px: nothing wider than the window. */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class ResponsiveBrowserTest {

    private static final int[] WIDTHS = {390, 768, 1440, 1920};

    @Test
    void noMainScreenOverflowsTheWindow() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext browser = chromium.browser().newContext()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            long ticketId = jotrs.bean(TicketService.class).createPhoneTicket(1, new NewPhoneTicket(2, "carla",
                    "A rather long ticket title that would push a narrow page sideways if nothing wrapped it at all",
                    "Body with a long unbroken word: " + "x".repeat(120), null, null, null)).ticketId();
            Page page = browser.newPage();
            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(jotrs.baseUrl() + "/");
            List<String> screens = List.of("/", "/queues", "/tickets", "/tickets/" + ticketId, "/tickets/new",
                    "/tickets/" + ticketId + "/reply", "/preferences", "/search");
            List<String> overflowing = new ArrayList<>();
            for (int width : WIDTHS) {
                page.setViewportSize(width, 900);
                for (String screen : screens) {
                    page.navigate(jotrs.baseUrl() + screen);
                    Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
                    if (((Number) scrollWidth).intValue() > width) {
                        Object widest = page.evaluate("() => { let w = null; for (const e of document.querySelectorAll('body *')) {"
                                + " const r = e.getBoundingClientRect(); if (r.right > window.innerWidth && (!w || r.right > w.r)) w = {r: r.right,"
                                + " d: e.tagName + '.' + e.className + '#' + e.id}; } return w ? w.d + ' ' + w.r : 'none'; }");
                        overflowing.add(screen + " at " + width + " px: " + scrollWidth + " px wide (" + widest + ")");
                    }
                }
            }
            assertThat(overflowing).isEmpty();
        }
    }
}
