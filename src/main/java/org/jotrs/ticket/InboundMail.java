package org.jotrs.ticket;

import java.util.List;

import org.jotrs.article.NewAttachment;

/**
 * A mail the postmaster received, parsed, to store as a customer's email article.
 *
 * @param from the From header as received (decoded)
 * @param body the plain-text body (made from the HTML for HTML-only mail)
 * @param htmlBody the HTML body, or null
 * @param attachments files and inline images, in the order of the message
 * @param raw the complete message as received, kept with the article ({@code article_data_mime_plain})
 */
public record InboundMail(String from, String to, String cc, String replyTo, String subject, String body,
        String htmlBody, String messageId, String inReplyTo, String references, List<NewAttachment> attachments,
        byte[] raw) {

    public InboundMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
