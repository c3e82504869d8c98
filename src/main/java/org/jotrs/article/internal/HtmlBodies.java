package org.jotrs.article.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jotrs.article.WrittenHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * HTML bodies of articles: their plain-text version (what OTRS keeps in {@code a_body}) and the
 * sanitised page the zoom shows in a sandboxed frame.
 */
final class HtmlBodies {

    private static final Pattern SAFE_IMAGE_TYPE = Pattern.compile("image/[a-z0-9.+-]+");
    private static final Pattern BLOCKS = Pattern.compile(
            "p|div|br|li|tr|h[1-6]|blockquote|pre|table|ul|ol|dl|dt|dd|hr|section|article|header|footer");

    /**
     * What survives: text formatting, lists, tables, links (http, https, mailto) and images from
     * the mail itself ({@code cid:}). Scripts, styles, event handlers, forms, frames and everything
     * that loads from elsewhere are dropped.
     */
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addAttributes(":all", "title", "dir", "lang")
            .addTags("font", "center", "hr")
            .addAttributes("font", "color");

    private HtmlBodies() {
    }

    /** The text of an HTML body with its line structure, for {@code a_body}. */
    static String toText(String html) {
        Document document = Jsoup.parse(html);
        StringBuilder text = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.matcher(element.normalName()).matches()
                        && !element.normalName().equals("br")) {
                    text.append('\n');
                }
            }
        });
        return text.toString().replaceAll("[ \\t]{2,}", " ").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    /**
     * The body sanitised for showing, as a complete page. Inline images ({@code cid:}) become
     * {@code data:} URLs of the attachments {@code inlineImage} finds, because the frame has no
     * origin of its own and would not send the agent's session cookie to fetch them; all other
     * images are removed.
     *
     * @param inlineImage finds the content type and bytes of an attachment by content id (without brackets)
     */
    static String safePage(String html, Function<String, Optional<InlineImage>> inlineImage) {
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element image : clean.select("img")) {
            String source = image.attr("src");
            Optional<InlineImage> found = source.regionMatches(true, 0, "cid:", 0, 4)
                    ? inlineImage.apply(source.substring(4).strip())
                    : Optional.empty();
            String type = found.map(i -> i.contentType().toLowerCase(Locale.ROOT).split(";", 2)[0].strip()).orElse("");
            if (found.isPresent() && SAFE_IMAGE_TYPE.matcher(type).matches()) {
                image.attr("src", "data:" + type + ";base64," + Base64.getEncoder().encodeToString(found.get().content()));
            } else {
                image.removeAttr("src");
                image.addClass("blocked-image");
            }
        }
        clean.outputSettings().prettyPrint(false).charset("UTF-8");
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
                + "body{font-family:system-ui,sans-serif;font-size:15px;line-height:1.45;margin:.5rem;color:#1b1f24;overflow-wrap:anywhere}"
                + "img{max-width:100%;height:auto}table{border-collapse:collapse}td,th{padding:2px 4px}"
                + "blockquote{border-left:3px solid #ccd;margin-left:0;padding-left:.75rem;color:#444}"
                + "</style></head><body>" + clean.body().html() + "</body></html>";
    }

    /**
     * What an agent wrote, cleaned with the policy {@link #safePage} shows mail with, less images
     * (an agent's text has no {@code cid:} parts to point at), wrapped as OTRS's
     * {@code HTMLUtils::DocumentComplete} wraps an HTML body before it stores or sends it.
     */
    static WrittenHtml written(String html) {
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parse(html == null ? "" : html));
        clean.select("img").remove();
        clean.outputSettings().prettyPrint(false).charset("UTF-8");
        String body = clean.body().html();
        return new WrittenHtml("<!DOCTYPE html><html><head>"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/></head>"
                + "<body style=\"font-family:Geneva,Helvetica,Arial,sans-serif; font-size: 12px;\">" + body
                + "</body></html>", writtenText(clean.clone()));
    }

    /**
     * The plain alternative of an agent's HTML: what {@link #toText} makes, with list items marked
     * ("- ", "1. "), a link's address after its text when they differ, and quoted blocks as "> "
     * lines, the way a mail client shows a plain-text reply.
     */
    private static String writtenText(Document document) {
        for (Element item : document.select("li")) {
            Element list = item.parent();
            String marker = list != null && list.normalName().equals("ol")
                    ? (item.elementSiblingIndex() + 1) + ". " : "- ";
            item.prependText(marker);
        }
        for (Element link : document.select("a[href]")) {
            String href = link.attr("href");
            String shown = href.regionMatches(true, 0, "mailto:", 0, 7) ? href.substring(7) : href;
            if (!link.text().strip().equals(shown)) {
                link.appendText(" <" + shown + ">");
            }
        }
        List<Element> quotes = new ArrayList<>(document.select("blockquote"));
        Collections.reverse(quotes);
        for (Element quote : quotes) {
            Element lines = new Element("div");
            for (String line : toText(quote.html()).split("\n", -1)) {
                lines.appendElement("div").text(line.isEmpty() ? ">" : "> " + line);
            }
            quote.replaceWith(lines);
        }
        return toText(document.body().html());
    }

    /** An inline image's type and bytes. */
    record InlineImage(String contentType, byte[] content) {
    }
}
