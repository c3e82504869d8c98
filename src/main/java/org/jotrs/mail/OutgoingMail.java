package org.jotrs.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail to send from a ticket: plain text, or an HTML body with its plain-text alternative.
 *
 * @param from the sender mailbox ({@code "Name" <address>}), the queue's system address
 * @param messageId from {@link OutboundMail#newMessageId()}, stored on the article as well
 * @param inReplyTo the Message-ID answered, or null
 * @param references the thread's Message-IDs, space separated, or null
 * @param headers further header fields, in this order (e.g. {@code Auto-Submitted}, {@code X-Loop} on auto responses)
 * @param htmlBody the HTML version of {@code body} (sent as {@code multipart/alternative}), or null
 *     for a plain-text mail; callers pass HTML that is already sanitised
 */
public record OutgoingMail(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String body,
        String messageId, String inReplyTo, String references, List<Attachment> attachments, Map<String, String> headers,
        String htmlBody) {

    public OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** A plain-text mail with further headers. */
    public OutgoingMail(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String body,
            String messageId, String inReplyTo, String references, List<Attachment> attachments,
            Map<String, String> headers) {
        this(from, to, cc, bcc, subject, body, messageId, inReplyTo, references, attachments, headers, null);
    }

    /** A mail with attachments and no further headers. */
    public OutgoingMail(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String body,
            String messageId, String inReplyTo, String references, List<Attachment> attachments) {
        this(from, to, cc, bcc, subject, body, messageId, inReplyTo, references, attachments, Map.of(), null);
    }

    /** A mail without attachments. */
    public OutgoingMail(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String body,
            String messageId, String inReplyTo, String references) {
        this(from, to, cc, bcc, subject, body, messageId, inReplyTo, references, List.of(), Map.of(), null);
    }

    /** A file sent with the mail; a blank content type is sent as {@code application/octet-stream}. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
