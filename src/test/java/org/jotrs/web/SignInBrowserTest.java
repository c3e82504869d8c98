package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
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
 * An agent signs in and out in a real browser; the pages load without script or policy errors.
 * Screenshots of the pages land in target/screenshots for a look.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class SignInBrowserTest {

    @Test
    void agentSignsInSeesTheHomePageAndSignsOut() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            String password = jotrs.firstStartPassword().orElseThrow();
            Page page = context.newPage();
            List<String> problems = Chromium.problemsOf(page, text -> false);

            page.navigate(jotrs.baseUrl() + "/");
            assertThat(page).hasURL(jotrs.baseUrl() + "/login");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/login.png")));

            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill("not-the-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Login failed!");

            page.getByLabel("Username").fill("root@localhost");
            page.getByLabel("Password").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Welcome, Admin OTRS");
            assertThat(page.locator("table.grid")).containsText("admin");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home.png")));
            // htmx is loaded and picked up its configuration (no inline styles under our CSP).
            assertThat(page.evaluate("() => typeof htmx !== 'undefined' && htmx.config.includeIndicatorStyles === false"))
                    .isEqualTo(true);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have been signed out.");
            page.navigate(jotrs.baseUrl() + "/");
            assertThat(page).hasURL(jotrs.baseUrl() + "/login");

            assertThat(problems).as("browser console errors").isEmpty();
        }
    }
}
