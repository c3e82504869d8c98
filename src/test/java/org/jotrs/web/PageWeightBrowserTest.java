package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Sizes;

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
 * What a screen costs on a cold cache: every response the page loads (its HTML, the htmx fragments
 * it fetches on load, styles, scripts, icons), counted as transferred (compressed body plus
 * headers). Each screen stays under 100 KB; the figures are printed ("[page-weight]") for
 * docs/benchmarks.md.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class PageWeightBrowserTest {

    private static final long LIMIT = 100 * 1024;

    @Test
    void everyMainScreenStaysUnder100KbCompressed() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            TicketService tickets = jotrs.bean(TicketService.class);
            long ticketId = 0;
            for (int i = 0; i < 25; i++) {
                ticketId = tickets.createPhoneTicket(1, new NewPhoneTicket(2, "carla", "The printer on floor " + i
                        + " prints blank pages again since the update", "Every page comes out blank. ".repeat(20), null, null,
                        null)).ticketId();
            }
            List<String> screens = List.of("/", "/queues", "/tickets", "/tickets/" + ticketId, "/tickets/new",
                    "/tickets/new/email", "/tickets/" + ticketId + "/reply", "/preferences", "/search?q=printer", "/admin",
                    "/admin/agents");
            Map<String, long[]> weights = new LinkedHashMap<>();
            weights.put("/login", weigh(chromium, jotrs, "/login", null));
            String cookies = signedIn(chromium, jotrs);
            for (String screen : screens) {
                weights.put(screen, weigh(chromium, jotrs, screen, cookies));
            }
            List<String> tooHeavy = new ArrayList<>();
            weights.forEach((screen, w) -> {
                System.out.printf("[page-weight] %-22s html %6.1f KB  css %5.1f KB  js %6.1f KB  other %5.1f KB  total %6.1f KB"
                        + " (%d requests)%n", screen, w[0] / 1024.0, w[1] / 1024.0, w[2] / 1024.0, w[3] / 1024.0,
                        (w[0] + w[1] + w[2] + w[3]) / 1024.0, w[4]);
                if (w[0] + w[1] + w[2] + w[3] >= LIMIT) {
                    tooHeavy.add(screen + ": " + (w[0] + w[1] + w[2] + w[3]) + " bytes");
                }
            });
            assertThat(weights.get("/")[2]).as("the dashboard loads its scripts").isPositive();
            assertThat(tooHeavy).isEmpty();
        }
    }

    /** html, css, js, other, request count, transferred on a fresh browser cache (with the signed-in cookies, if any). */
    private static long[] weigh(Chromium chromium, RunningJotrs jotrs, String screen, String cookies) {
        Browser.NewContextOptions options = new Browser.NewContextOptions();
        if (cookies != null) {
            options.setStorageState(cookies);
        }
        try (BrowserContext browser = chromium.browser().newContext(options)) {
            Page page = browser.newPage();
            long[] weight = new long[5];
            page.onRequestFinished(request -> add(weight, request));
            page.navigate(jotrs.baseUrl() + screen);
            page.waitForLoadState(LoadState.LOAD);
            // Live pages keep an event stream open (in the shared worker), so the network is never
            // idle: wait until no request has finished for a second, within a deadline.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            long requests = -1;
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                page.waitForTimeout(100); // lets Playwright deliver the finished requests
                if (weight[4] != requests) {
                    requests = weight[4];
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > java.time.Duration.ofSeconds(1).toNanos()) {
                    break;
                }
            }
            return weight;
        }
    }

    /** The cookies of a signed-in root, so that each screen can be weighed on an empty cache. */
    private static String signedIn(Chromium chromium, RunningJotrs jotrs) {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = browser.newPage();
            page.navigate(jotrs.baseUrl() + "/login");
            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(jotrs.baseUrl() + "/");
            return browser.storageState();
        }
    }

    private static void add(long[] weight, Request request) {
        Sizes sizes = request.sizes();
        long bytes = Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
        int kind = switch (request.resourceType()) {
            case "document", "fetch", "xhr" -> 0;
            case "stylesheet" -> 1;
            case "script" -> 2;
            default -> 3;
        };
        weight[kind] += bytes;
        weight[4]++;
    }
}
