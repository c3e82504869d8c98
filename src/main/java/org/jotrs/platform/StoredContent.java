package org.jotrs.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How stored content (attachments, HTML bodies of mails and articles) leaves our origin for a
 * browser, for agents and customers alike: never rendered as a page of ours. Files download as
 * attachments in a sandbox with a passive type; HTML bodies, already sanitised, are served for a
 * sandboxed frame whose policy allows no scripts and nothing from anywhere (inline images arrive
 * as {@code data:} URLs).
 */
public final class StoredContent {

    /** A download can never run as a page of ours, whatever its type, even when opened directly. */
    public static final String DOWNLOAD_POLICY = "sandbox; default-src 'none'";
    /** The HTML frame: no scripts, nothing loaded from anywhere, only embedded images and inline styles. */
    public static final String HTML_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static final Set<String> PASSIVE_TEXT = Set.of("plain", "csv", "calendar", "vcard", "x-vcard", "rtf",
            "tab-separated-values", "markdown", "x-log");

    private StoredContent() {
    }

    /** A stored file as a download. */
    public static ResponseEntity<byte[]> download(String filename, String storedType, byte[] content) {
        return ResponseEntity.ok()
                .contentType(mediaType(storedType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", DOWNLOAD_POLICY)
                .contentLength(content.length)
                .body(content);
    }

    /** A sanitised HTML body for the zoom's or the portal's sandboxed frame. */
    public static ResponseEntity<String> framedHtml(String page) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                // frame-ancestors 'self' lets our own pages frame it; browsers then ignore the
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
    public static MediaType mediaType(String stored) {
        try {
            MediaType type = MediaType.parseMediaType(stored == null ? "" : stored.strip());
            return type.isConcrete() && !active(type) ? type : MediaType.APPLICATION_OCTET_STREAM;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** Types a browser may execute or render as a document with scripts. */
    static boolean active(MediaType type) {
        String main = type.getType().toLowerCase(Locale.ROOT);
        String sub = type.getSubtype().toLowerCase(Locale.ROOT);
        return switch (main) {
            case "text" -> !PASSIVE_TEXT.contains(sub); // text/html, text/javascript, text/xml, text/css, text/x-*, ...
            case "image" -> sub.contains("svg") || sub.contains("xml");
            case "application" -> sub.contains("javascript") || sub.contains("ecmascript") || sub.contains("xml")
                    || sub.contains("html") || sub.equals("json") || sub.endsWith("+json") || sub.equals("wasm")
                    || sub.contains("x-sh") || sub.contains("xslt");
            default -> main.equals("multipart") || main.equals("message");
        };
    }
}
