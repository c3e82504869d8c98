package org.jotrs.ticket.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jotrs.access.SignedInAgent;
import org.jotrs.article.Attachment;
import org.jotrs.ticket.NoSuchAttachment;
import org.jotrs.ticket.TicketService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

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

    @ExceptionHandler(NoSuchAttachment.class)
    ModelAndView notFound(NoSuchAttachment missing) {
        return new ModelAndView("error", Map.of("status", 404, "error", "Not Found", "message", missing.getMessage()),
                HttpStatus.NOT_FOUND);
    }

    /** The stored type when it is a valid one; a stored type is whatever a mail claimed. */
    private static MediaType mediaType(String stored) {
        try {
            MediaType type = MediaType.parseMediaType(stored == null ? "" : stored.strip());
            return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
