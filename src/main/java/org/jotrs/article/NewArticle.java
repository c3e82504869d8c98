package org.jotrs.article;

import java.util.List;

/**
 * An article to store on a ticket.
 *
 * @param from the sender as a mailbox ({@code "Name" <mail>}) or a name
 * @param to the recipient (for a phone call from a customer, the queue)
 * @param body the plain-text body; for an HTML article it may be null, and is then made from
 *     {@code htmlBody} as OTRS does (OTRS keeps the plain text in {@code a_body})
 * @param actorId the agent storing it ({@code users.id})
 * @param htmlBody the HTML version of the body, or null for a plain-text article; stored as OTRS
 *     stores it, as the attachment {@code file-2} of type {@code text/html; charset="utf-8"}
 * @param attachments files to store with the article, in this order
 * @param charset the charset named in the plain body's content type ({@code a_content_type}):
 *     {@code utf-8}, or {@code ascii} for the notes OTRS itself composes so (the merge note)
 */
public record NewArticle(long ticketId, SenderType sender, Channel channel, boolean visibleForCustomer,
        String from, String to, String subject, String body, int actorId, String htmlBody,
        List<NewAttachment> attachments, String charset) {

    public NewArticle {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        charset = charset == null ? "utf-8" : charset;
    }

    /** An article whose plain body is UTF-8, as every article Jotrs composes. */
    public NewArticle(long ticketId, SenderType sender, Channel channel, boolean visibleForCustomer, String from,
            String to, String subject, String body, int actorId, String htmlBody, List<NewAttachment> attachments) {
        this(ticketId, sender, channel, visibleForCustomer, from, to, subject, body, actorId, htmlBody, attachments,
                "utf-8");
    }

    /** A plain-text article without attachments. */
    public NewArticle(long ticketId, SenderType sender, Channel channel, boolean visibleForCustomer, String from,
            String to, String subject, String body, int actorId) {
        this(ticketId, sender, channel, visibleForCustomer, from, to, subject, body, actorId, null, List.of());
    }

    /** A plain-text article with attachments. */
    public NewArticle(long ticketId, SenderType sender, Channel channel, boolean visibleForCustomer, String from,
            String to, String subject, String body, int actorId, List<NewAttachment> attachments) {
        this(ticketId, sender, channel, visibleForCustomer, from, to, subject, body, actorId, null, attachments);
    }
}
