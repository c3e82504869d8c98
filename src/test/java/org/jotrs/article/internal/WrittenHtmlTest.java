package org.jotrs.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jotrs.article.WrittenHtml;
import org.junit.jupiter.api.Test;

/** What the server keeps of HTML an agent wrote in the editor, and the plain text made from it. */
class WrittenHtmlTest {

    @Test
    void scriptsHandlersAndJavascriptUrlsAreRemoved() {
        WrittenHtml written = HtmlBodies.written("<div>Hello <b>Carla</b></div>"
                + "<script>alert(1)</script>"
                + "<img src=x onerror=\"alert(2)\">"
                + "<div onclick=\"alert(3)\" style=\"background:url(https://evil.example/t.png)\">Click</div>"
                + "<a href=\"javascript:alert(4)\">bad link</a> <a href=\"https://example.com/help\">help</a>"
                + "<iframe src=\"https://evil.example\"></iframe><form action=\"/x\"><input name=\"a\"></form>");
        String document = written.document();
        assertThat(document.toLowerCase()).doesNotContain("<script", "alert(", "onerror", "onclick", "javascript:",
                "<img", "<iframe", "<form", "<input", "evil.example");
        assertThat(document).contains("<b>Carla</b>")
                .contains("<a href=\"https://example.com/help\" rel=\"noopener noreferrer nofollow\">help</a>")
                .contains("bad link") // the text of the refused link stays
                .startsWith("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>")
                .endsWith("</body></html>");
    }

    @Test
    void thePlainAlternativeKeepsListsLinksAndQuotes() {
        WrittenHtml written = HtmlBodies.written("<div>Dear Carla,</div><div><br></div>"
                + "<div>Please <b>restart</b> the printer:</div>"
                + "<ol><li>Switch it off</li><li>Wait ten seconds</li></ol>"
                + "<ul><li>then print a test page</li></ul>"
                + "<div>See <a href=\"https://example.com/printers\">the guide</a> or "
                + "<a href=\"mailto:help@example.com\">help@example.com</a>.</div>"
                + "<blockquote><div>It jams again.</div><blockquote><div>Earlier mail</div></blockquote></blockquote>"
                + "<div>Regards &amp; thanks</div>");
        assertThat(written.text()).isEqualTo("""
                Dear Carla,

                Please restart the printer:
                1. Switch it off
                2. Wait ten seconds

                - then print a test page

                See the guide <https://example.com/printers> or help@example.com.
                > It jams again.
                > > Earlier mail

                Regards & thanks""");
    }

    @Test
    void emptyOrScriptOnlyHtmlHasNoText() {
        assertThat(HtmlBodies.written("<div><br></div>").text()).isEmpty();
        assertThat(HtmlBodies.written("<script>alert(1)</script>").text()).isEmpty();
        assertThat(HtmlBodies.written(null).text()).isEmpty();
    }
}
