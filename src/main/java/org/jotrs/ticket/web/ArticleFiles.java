package org.jotrs.ticket.web;

import java.nio.charset.StandardCharsets;

import org.jotrs.access.SignedInAgent;
import org.jotrs.article.Attachment;
import org.jotrs.ticket.TicketService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Attachment downloads and the HTML version of articles, for agents who may read the ticket.
 * Stored content is never rendered on our origin: downloads are attachments in a sandbox, and
 * HTML bodies are sanitised and shown in a sandboxed frame whose policy allows no scripts and no
 * content from anywhere (inline images arrive as {@code data:} URLs).
 */
@Controller
class ArticleFiles {

    /** A download can never run as a page of ours, whatever its type, even when opened directly. */
    static final String DOWNLOAD_POLICY = "sandbox; default-src 'none'";
    /** The HTML frame: no scripts, nothing loaded from anywhere, only embedded images and inline styles. */
    static final String HTML_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private final TicketService tickets;

    ArticleFiles(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/tickets/{ticketId}/articles/{articleId}/attachments/{fileId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @PathVariable long articleId, @PathVariable int fileId) {
        Attachment attachment = tickets.attachment(agent.id(), ticketId, articleId, fileId);
        return ResponseEntity.ok()
                .contentType(mediaType(attachment.info().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.info().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", DOWNLOAD_POLICY)
                .contentLength(attachment.content().length)
                .body(attachment.content());
    }

    @GetMapping("/tickets/{ticketId}/articles/{articleId}/html")
    ResponseEntity<String> html(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @PathVariable long articleId) {
        String page = tickets.articleHtml(agent.id(), ticketId, articleId);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                // frame-ancestors 'self' lets our zoom frame it; browsers then ignore the
                // X-Frame-Options: DENY that Spring Security puts on every page.
                .header("Content-Security-Policy", HTML_POLICY)
                .body(page);
    }

    /**
     * The stored type when it is a valid, passive one; a stored type is whatever a mail or an upload
     * claimed. Active content (scripts, HTML, SVG, XML and the like) is served as
     * {@code application/octet-stream}: from our origin, a script type could otherwise be loaded by
     * {@code <script src>} under {@code script-src 'self'} should an HTML injection ever appear.
     */
    static MediaType mediaType(String stored) {
        try {
            MediaType type = MediaType.parseMediaType(stored == null ? "" : stored.strip());
            return type.isConcrete() && !active(type) ? type : MediaType.APPLICATION_OCTET_STREAM;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static final java.util.Set<String> PASSIVE_TEXT = java.util.Set.of("plain", "csv", "calendar", "vcard",
            "x-vcard", "rtf", "tab-separated-values", "markdown", "x-log");

    /** Types a browser may execute or render as a document with scripts. */
    static boolean active(MediaType type) {
        String main = type.getType().toLowerCase(java.util.Locale.ROOT);
        String sub = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        if (main.equals("text")) {
            return !PASSIVE_TEXT.contains(sub); // text/html, text/javascript, text/xml, text/css, text/x-*, ...
        }
        if (main.equals("image")) {
            return sub.contains("svg") || sub.contains("xml");
        }
        if (main.equals("application")) {
            return sub.contains("javascript") || sub.contains("ecmascript") || sub.contains("xml") || sub.contains("html")
                    || sub.equals("json") || sub.endsWith("+json") || sub.equals("wasm") || sub.contains("x-sh")
                    || sub.contains("xslt");
        }
        return main.equals("multipart") || main.equals("message");
    }
}
