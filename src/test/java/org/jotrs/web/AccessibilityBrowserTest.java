package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import org.jooq.DSLContext;
import org.jotrs.access.AgentPreferences;
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
 * axe-core (a test resource, injected into the page; the product never serves it) on every main
 * screen and every admin list and form, in English and Arabic, light and dark: no serious or
 * critical violation. One application, one browser.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class AccessibilityBrowserTest {

    private static final List<String> MAIN_SCREENS = List.of("/", "/queues", "/tickets", "/tickets/locked",
            "/tickets/responsible", "/tickets/watched", "/tickets/new", "/tickets/new/email", "/preferences",
            "/search", "/search?q=printer", "/observer/incidents", "/admin", "/no-such-page");

    @Test
    void noSeriousOrCriticalViolationOnAnyScreen() throws IOException {
        String axe;
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch()) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            long ticketId = jotrs.bean(TicketService.class).createPhoneTicket(1, new NewPhoneTicket(2, "carla",
                    "The printer on floor 2 prints blank pages", "Since this morning every page comes out blank.",
                    null, null, null)).ticketId();
            List<String> violations = new ArrayList<>();
            // the sign-in page, as a stranger sees it
            try (BrowserContext stranger = context(chromium.browser(), axe)) {
                Page page = stranger.newPage();
                check(page, jotrs.baseUrl(), "/login", "signed out", violations);
            }
            try (BrowserContext browser = context(chromium.browser(), axe)) {
                Page page = browser.newPage();
                page.navigate(jotrs.baseUrl() + "/login");
                page.getByLabel("Username").fill("root@localhost");
                page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(jotrs.baseUrl() + "/");
                // The check itself finds what it should: an image without a text alternative is critical.
                page.evaluate("() => document.querySelector('main').append(document.createElement('img'))");
                assertThat(audit(page)).extracting(v -> v.get("id")).contains("image-alt");
                List<String> screens = new ArrayList<>(MAIN_SCREENS);
                screens.addAll(List.of("/tickets/" + ticketId, "/tickets/" + ticketId + "/reply",
                        "/tickets/" + ticketId + "/forward"));
                screens.addAll(adminScreens(page, jotrs.baseUrl()));
                AgentPreferences preferences = jotrs.bean(AgentPreferences.class);
                for (String language : List.of("en", "ar_SA")) {
                    for (String theme : AgentPreferences.THEMES) {
                        preferences.saveSettings(1, new AgentPreferences.Settings(language,
                                ZoneId.systemDefault().getId(), theme, Set.of()));
                        for (String screen : screens) {
                            check(page, jotrs.baseUrl(), screen, language + "/" + theme, violations);
                        }
                    }
                }
                assertThat(screens).hasSizeGreaterThan(40);
            }
            assertThat(violations).isEmpty();
        }
    }

    /**
     * A context whose every page gets axe before its own scripts run: handed to the browser once,
     * not sent again with each of the 250 checks. The CSP forbids inline scripts, as it should; the
     * test's own injected script is let through.
     */
    private static BrowserContext context(Browser browser, String axe) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
        context.addInitScript(axe);
        return context;
    }

    /** Every admin section from the admin index, with its "new" form and the first thing it lists. */
    private static List<String> adminScreens(Page page, String base) {
        page.navigate(base + "/admin");
        @SuppressWarnings("unchecked")
        List<String> sections = (List<String>) page.evaluate("() => [...document.querySelectorAll('main a[href^=\"/admin/\"]')]"
                + ".map(a => a.getAttribute('href'))");
        Set<String> screens = new LinkedHashSet<>();
        for (String section : sections) {
            screens.add(section);
            page.navigate(base + section);
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) page.evaluate("s => [...document.querySelectorAll('main a[href]')]"
                    + ".map(a => a.getAttribute('href')).filter(h => h.startsWith(s + '/') || h.startsWith(s + '?'))", section);
            links.stream().filter(link -> link.endsWith("/new")).findFirst().ifPresent(screens::add);
            links.stream().filter(link -> !link.endsWith("/new") && !link.contains("/raw")).findFirst().ifPresent(screens::add);
        }
        return List.copyOf(screens);
    }

    private static void check(Page page, String base, String screen, String variant, List<String> violations) {
        Response response = page.navigate(base + screen);
        assertThat(response.headerValue("content-type")).as(screen).startsWith("text/html");
        for (Map<String, Object> violation : audit(page)) {
            violations.add(variant + " " + screen + ": " + violation.get("impact") + " " + violation.get("id") + " ("
                    + violation.get("help") + ") at " + violation.get("nodes"));
        }
    }

    /** axe's serious and critical violations on the page as it is now. */
    private static List<Map<String, Object>> audit(Page page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("async () => {"
                + " const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + "     nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))})); }");
        return found;
    }
}
