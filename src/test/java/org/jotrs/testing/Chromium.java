package org.jotrs.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium driven by Playwright; Playwright never downloads a browser of its own.
 * Required like the databases: a missing browser fails the test and says how to install it.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("JOTRS_TEST_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Browser tests need chromium at " + EXECUTABLE
                    + ": install it with 'apt-get install -y chromium' or set JOTRS_TEST_CHROMIUM");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /**
     * Collects the page's console errors and uncaught exceptions (a CSP violation or a failed
     * script shows up here), except those the test expects.
     */
    public static List<String> problemsOf(Page page, Predicate<String> expected) {
        List<String> problems = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !expected.test(message.text())) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);
        return problems;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
