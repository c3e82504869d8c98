package org.jotrs.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.QUEUE_STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.STANDARD_TEMPLATE;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;

/**
 * The rich-text editor in chromium: on the reply, bold text and a list typed with the toolbar and
 * the keyboard, a paste from Word cleaned into a list, the mail sent and shown in the zoom; the
 * zoom's note and phone call and the new phone and email tickets written the same way; without JavaScript the
 * plain textareas send the mail, the note and the new ticket.
 */
@Tag("browser")
// One browser test at a time: they run beside database test classes, never beside each other.
@ResourceLock("chromium")
class RichTextEditorBrowserTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static Chromium chromium;
    private static TicketService tickets;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        chromium = Chromium.launch();
        Agents.customerCarla(jotrs.bean(DSLContext.class));
        tickets = jotrs.bean(TicketService.class);
    }

    @AfterAll
    static void stop() {
        chromium.close();
        jotrs.close();
        database.close();
    }

    private static long ticket(String title) {
        return tickets.createPhoneTicket(1, new NewPhoneTicket(2, "carla", title, "Please help.", null, null, null))
                .ticketId();
    }

    private static Page signedIn(BrowserContext browser) {
        Page page = browser.newPage();
        page.navigate(jotrs.baseUrl() + "/login");
        page.getByLabel("Username").fill("root@localhost");
        page.getByLabel("Password").fill(jotrs.firstStartPassword().orElseThrow());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(jotrs.baseUrl() + "/");
        return page;
    }

    @Test
    void boldTextAndAListAreSentAndShownInTheZoom() {
        long id = ticket("Printer offline");
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            // The pasted Word HTML carries a style attribute and an event handler, which the page's
            // Content-Security-Policy blocks (and reports) while the paste is parsed: expected.
            List<String> problems = Chromium.problemsOf(page, message -> message.contains("Content Security Policy"));
            page.navigate(jotrs.baseUrl() + "/tickets/" + id + "/reply");

            Locator editor = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Text").setExact(true));
            assertThat(editor).isVisible();
            assertThat(page.locator("textarea#body")).isHidden();
            Locator toolbar = page.getByRole(AriaRole.TOOLBAR);
            assertThat(toolbar).isVisible();

            // The draft (salutation, signature, quote) is replaced by what is typed here.
            editor.click();
            page.keyboard().press("Control+A");
            page.keyboard().press("Delete");
            page.keyboard().type("Hello Carla, ");
            toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bold")).click();
            assertThat(toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bold")))
                    .hasAttribute("aria-pressed", "true");
            page.keyboard().type("please restart it");
            page.keyboard().press("Control+B");
            page.keyboard().press("Enter");
            toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bulleted list")).click();
            page.keyboard().type("switch it off");
            page.keyboard().press("Enter");
            page.keyboard().type("wait ten seconds");
            page.keyboard().press("Enter");
            page.keyboard().press("Enter"); // an empty item ends the list

            // The toolbar is one tab stop; arrow keys move along it.
            toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bold")).focus();
            page.keyboard().press("ArrowRight");
            assertThat(toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Italic"))).isFocused();

            // A paste from Word: its list paragraphs become a list, its styles and comments go.
            editor.click();
            page.keyboard().press("Control+End");
            editor.evaluate("(area) => { const data = new DataTransfer();"
                    + "data.setData('text/html', '<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body>"
                    + "<!--[if !supportLists]--><p class=MsoListParagraph style=\"mso-list:l0 level1 lfo1\">"
                    + "<span style=\"mso-list:Ignore\">1.<span>&nbsp;</span></span>Check the cable</p>"
                    + "<p class=MsoListParagraph style=\"mso-list:l0 level1 lfo1\"><span style=\"mso-list:Ignore\">2.</span>"
                    + "Call us<o:p></o:p></p><p class=MsoNormal style=\"color:red\" onmouseover=\"alert(1)\">Regards</p>"
                    + "</body></html>');"
                    + "data.setData('text/plain', 'Check the cable\\nCall us\\nRegards');"
                    + "area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }");
            assertThat(editor.locator("ol li")).hasText(new String[] {"Check the cable", "Call us"});
            org.assertj.core.api.Assertions.assertThat(editor.innerHTML()).doesNotContain("mso", "onmouseover", "style=");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send mail")).click();
            page.waitForURL(jotrs.baseUrl() + "/tickets/" + id);
            FrameLocator shown = page.frameLocator("iframe.article-html").last();
            assertThat(shown.locator("b")).hasText("please restart it");
            assertThat(shown.locator("ul li")).hasText(new String[] {"switch it off", "wait ten seconds"});
            assertThat(shown.locator("ol li")).hasText(new String[] {"Check the cable", "Call us"});
            org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();
        }
    }

    @Test
    void boldAndItalicSwitchedOffInTheMiddleOfALineEndThere() {
        long id = ticket("Label printer");
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            List<String> problems = Chromium.problemsOf(page, message -> false);
            page.navigate(jotrs.baseUrl() + "/tickets/" + id);
            page.getByText("Add a note").click();
            Locator note = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Note").setExact(true));
            Locator toolbar = page.locator("#add-note").getByRole(AriaRole.TOOLBAR);
            Locator bold = toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bold"));
            Locator italic = toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Italic"));
            note.click();
            // With the keyboard: on, a word, off, and the rest of the line is plain.
            page.keyboard().type("Ordered ");
            page.keyboard().press("Control+B");
            page.keyboard().type("two");
            page.keyboard().press("Control+B");
            assertThat(bold).hasAttribute("aria-pressed", "false");
            page.keyboard().type(" rolls, ");
            // With the toolbar, and italic ending inside bold keeps the bold.
            bold.click();
            page.keyboard().type("black ");
            italic.click();
            page.keyboard().type("and");
            italic.click();
            assertThat(italic).hasAttribute("aria-pressed", "false");
            assertThat(bold).hasAttribute("aria-pressed", "true");
            page.keyboard().type(" white");
            bold.click();
            page.keyboard().type(" ones");
            // Off in the middle of a bold word: what is typed there is plain, the word's halves stay bold.
            page.keyboard().press("Enter");
            page.keyboard().press("Control+B");
            page.keyboard().type("label");
            page.keyboard().press("Control+B");
            page.keyboard().type(" paper");
            for (int i = 0; i < " paper".length() + 2; i++) {
                page.keyboard().press("ArrowLeft");
            }
            page.keyboard().press("Control+B");
            page.keyboard().type("-");
            org.assertj.core.api.Assertions.assertThat(note.innerHTML().replace("\u200B", "").replace("&nbsp;", " ").replace("<br>", ""))
                    .isEqualTo("<div>Ordered <b>two</b> rolls, <b>black <i>and</i> white</b> ones</div>"
                            + "<div><b>lab</b>-<b>el</b> paper</div>");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            page.waitForURL(jotrs.baseUrl() + "/tickets/" + id);
            FrameLocator shown = page.frameLocator("iframe.article-html").last();
            assertThat(shown.locator("b")).hasText(new String[] {"two", "black and white", "lab", "el"});
            assertThat(shown.locator("i")).hasText("and");
            assertThat(shown.locator("body")).containsText("Ordered two rolls, black and white ones");
            org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();
        }
    }

    @Test
    void aTemplateIsInsertedAtTheCursorWithoutLosingWhatWasTyped() {
        long id = ticket("Password reset");
        DSLContext db = jotrs.bean(DSLContext.class);
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        int template = db.insertInto(STANDARD_TEMPLATE).set(STANDARD_TEMPLATE.NAME, "Reset done")
                .set(STANDARD_TEMPLATE.TEXT, "Your password was reset.").set(STANDARD_TEMPLATE.CONTENT_TYPE, "text/plain")
                .set(STANDARD_TEMPLATE.TEMPLATE_TYPE, "Answer").set(STANDARD_TEMPLATE.VALID_ID, (short) 1)
                .set(STANDARD_TEMPLATE.CREATE_TIME, now).set(STANDARD_TEMPLATE.CREATE_BY, 1)
                .set(STANDARD_TEMPLATE.CHANGE_TIME, now).set(STANDARD_TEMPLATE.CHANGE_BY, 1)
                .returning(STANDARD_TEMPLATE.ID).fetchSingle().getId();
        db.insertInto(QUEUE_STANDARD_TEMPLATE).set(QUEUE_STANDARD_TEMPLATE.QUEUE_ID, 2)
                .set(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID, template).set(QUEUE_STANDARD_TEMPLATE.CREATE_TIME, now)
                .set(QUEUE_STANDARD_TEMPLATE.CREATE_BY, 1).set(QUEUE_STANDARD_TEMPLATE.CHANGE_TIME, now)
                .set(QUEUE_STANDARD_TEMPLATE.CHANGE_BY, 1).execute();
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            page.navigate(jotrs.baseUrl() + "/tickets/" + id + "/reply");
            Locator editor = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Text").setExact(true));
            editor.click();
            page.keyboard().press("Control+Home");
            page.keyboard().type("Hello Carla,");
            page.keyboard().press("Enter");
            page.getByLabel("Template").selectOption("Reset done");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Insert at the cursor")).click();
            assertThat(editor).containsText("Your password was reset.");
            assertThat(editor).containsText("Hello Carla,");
            assertThat(page).hasURL(jotrs.baseUrl() + "/tickets/" + id + "/reply");
            org.assertj.core.api.Assertions.assertThat(editor.innerText().indexOf("Hello Carla,"))
                    .isLessThan(editor.innerText().indexOf("Your password was reset."));
        }
    }

    @Test
    void aNoteInTheZoomIsWrittenInTheEditor() {
        long id = ticket("Toner empty");
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            List<String> problems = Chromium.problemsOf(page, message -> false);
            page.navigate(jotrs.baseUrl() + "/tickets/" + id);
            page.getByText("Add a note").click();
            Locator note = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Note").setExact(true));
            assertThat(note).isVisible();
            assertThat(page.locator("textarea#note-body")).isHidden();
            Locator toolbar = page.locator("#add-note").getByRole(AriaRole.TOOLBAR);
            assertThat(toolbar).isVisible();
            note.click();
            page.keyboard().type("Ordered two ");
            page.keyboard().press("Control+I");
            page.keyboard().type("cartridges");
            page.keyboard().press("Control+I");
            page.keyboard().press("Enter");
            toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Numbered list")).click();
            page.keyboard().type("black");
            page.keyboard().press("Enter");
            page.keyboard().type("cyan");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            page.waitForURL(jotrs.baseUrl() + "/tickets/" + id);
            FrameLocator shown = page.frameLocator("iframe.article-html").last();
            assertThat(shown.locator("i")).hasText("cartridges");
            assertThat(shown.locator("ol li")).hasText(new String[] {"black", "cyan"});
            assertThat(page.locator("article.article-internal").last()).isVisible();

            // The phone call form has an editor of its own.
            page.getByText("Log a phone call").click();
            Locator said = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("What was said").setExact(true));
            said.click();
            page.keyboard().type("Will send the ");
            page.keyboard().press("Control+B");
            page.keyboard().type("invoice");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save call")).click();
            assertThat(page.frameLocator("iframe.article-html").last().locator("b")).hasText("invoice");
            org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();

            // An empty note is refused with the server's message, as without the editor.
            page.getByText("Add a note").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Enter the note.");
        }
    }

    @Test
    void newPhoneAndEmailTicketsAreWrittenInTheEditor() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            List<String> problems = Chromium.problemsOf(page, message -> false);
            page.navigate(jotrs.baseUrl() + "/tickets/new");
            page.getByLabel("Customer user").fill("carla");
            page.getByLabel("Queue").selectOption("Raw");
            page.getByLabel("Title").fill("Router blinks red");
            Locator said = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions()
                    .setName("What the customer said").setExact(true));
            assertThat(said).hasAttribute("aria-required", "true");
            said.click();
            page.keyboard().type("Since the storm it blinks ");
            page.keyboard().press("Control+B");
            page.keyboard().type("red");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create ticket")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Router blinks red");
            FrameLocator shown = page.frameLocator("iframe.article-html").last();
            assertThat(shown.locator("b")).hasText("red");
            assertThat(shown.locator("body")).containsText("Since the storm it blinks red");

            page.navigate(jotrs.baseUrl() + "/tickets/new/email");
            page.getByLabel("Customer user").fill("carla");
            page.getByLabel("Queue").selectOption("Raw");
            page.getByLabel("Subject").fill("Your new laptop");
            Locator text = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Text").setExact(true));
            text.click();
            page.getByRole(AriaRole.TOOLBAR).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Bulleted list")).click();
            page.keyboard().type("charger");
            page.keyboard().press("Enter");
            page.keyboard().type("docking station");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send and create ticket")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Your new laptop");
            assertThat(page.frameLocator("iframe.article-html").last().locator("ul li"))
                    .hasText(new String[] {"charger", "docking station"});
            org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();
        }
    }

    @Test
    void aCustomerUserIsMadeInsideThePhoneFormWithoutLosingWhatWasTyped() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = signedIn(browser);
            List<String> problems = Chromium.problemsOf(page, message -> message.contains("422"));
            page.navigate(jotrs.baseUrl() + "/tickets/new");
            page.getByLabel("Customer user").fill("nina@example.com");
            page.getByLabel("Queue").selectOption("Raw");
            page.getByLabel("Title").fill("Invoice missing");
            Locator said = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions()
                    .setName("What the customer said").setExact(true));
            said.click();
            page.keyboard().type("She never got the ");
            page.keyboard().press("Control+B");
            page.keyboard().type("March invoice");

            // Opened, the panel starts from the address typed into the customer field.
            page.getByText("Not in the directory? Create a customer user").click();
            assertThat(page.getByLabel("Login")).hasValue("nina@example.com");
            assertThat(page.getByLabel("Mail address")).hasValue("nina@example.com");
            page.getByLabel("First name").fill("Nina");
            page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true)).fill("NINACO");
            page.getByLabel("New company").fill("Nina Ltd");
            Locator create = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create customer user"));
            create.click();
            // Refused in place: the message, the focus on the refused field, nothing else reloaded.
            assertThat(page.locator("#new-customer").getByRole(AriaRole.ALERT))
                    .containsText("The customer user was not created.");
            assertThat(page.getByLabel("Last name")).isFocused();
            assertThat(said).containsText("She never got the March invoice");

            // Enter in a panel field makes the customer user, not the ticket.
            page.getByLabel("Last name").fill("Newman");
            page.keyboard().press("Enter");
            assertThat(page.locator("#new-customer").getByRole(AriaRole.STATUS))
                    .containsText("Customer user nina@example.com created and chosen for this ticket.");
            assertThat(page.getByLabel("Customer user")).hasValue("nina@example.com");
            assertThat(page.getByLabel("Customer user")).isFocused();
            assertThat(said).containsText("She never got the March invoice");
            assertThat(page).hasURL(jotrs.baseUrl() + "/tickets/new");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create ticket")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Invoice missing");
            assertThat(page.frameLocator("iframe.article-html").last().locator("b")).hasText("March invoice");
            DSLContext db = jotrs.bean(DSLContext.class);
            org.assertj.core.api.Assertions.assertThat(db.fetchValue(
                    "SELECT customer_id FROM ticket WHERE title = ?", "Invoice missing")).isEqualTo("NINACO");
            org.assertj.core.api.Assertions.assertThat(db.fetchValue(
                    "SELECT name FROM customer_company WHERE customer_id = ?", "NINACO")).isEqualTo("Nina Ltd");
            org.assertj.core.api.Assertions.assertThat(problems).as("browser console errors").isEmpty();
        }
    }

    @Test
    void withoutJavaScriptThePlainTextareaSendsTheMail() {
        long id = ticket("Scanner offline");
        try (BrowserContext browser = chromium.browser().newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false))) {
            Page page = signedIn(browser);
            page.navigate(jotrs.baseUrl() + "/tickets/" + id + "/reply");
            assertThat(page.getByRole(AriaRole.TOOLBAR)).hasCount(0);
            Locator text = page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true));
            assertThat(text).isVisible();
            text.press("Control+Home");
            text.pressSequentially("Plain words only.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send mail")).click();
            page.waitForURL(jotrs.baseUrl() + "/tickets/" + id);
            assertThat(page.locator(".article-body").last()).containsText("Plain words only.");

            page.getByText("Add a note").click();
            Locator note = page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true));
            org.assertj.core.api.Assertions.assertThat(note.evaluate("e => e.tagName")).isEqualTo("TEXTAREA");
            note.fill("A plain note.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(page.locator(".article-body").last()).hasText("A plain note.");

            page.navigate(jotrs.baseUrl() + "/tickets/new");
            page.getByLabel("Customer user").fill("carla");
            page.getByLabel("Queue").selectOption("Raw");
            page.getByLabel("Title").fill("Plain call");
            page.getByLabel("What the customer said").fill("Said in plain words.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create ticket")).click();
            assertThat(page.locator(".article-body").last()).hasText("Said in plain words.");
        }
    }
}
