package org.jotrs.ticket;

import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.article.NewAttachment;

/**
 * A ticket an agent opens by writing to a customer (OTRS AgentTicketEmail): the first article is
 * a mail from the queue's system address, queued for sending.
 *
 * @param to the recipients; empty for the customer user's own address
 * @param subject the ticket title; the mail's subject carries the ticket number in front of it
 * @param htmlBody the mail as written in the rich-text editor, or null for a plain-text mail; when
 *     given, it is sanitised, {@code body} is made from it, and it is stored as OTRS stores an HTML
 *     article and sent as {@code multipart/alternative}
 * @see NewPhoneTicket for the other fields
 */
public record NewEmailTicket(Integer queueId, String customerUser, String to, String cc, String subject, String body,
        String priority, String state, LocalDateTime pendingUntil, String type, Integer ownerId, Integer responsibleId,
        List<NewAttachment> attachments, String htmlBody) {

    public NewEmailTicket {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A ticket opened with a plain-text mail. */
    public NewEmailTicket(Integer queueId, String customerUser, String to, String cc, String subject, String body,
            String priority, String state, LocalDateTime pendingUntil, String type, Integer ownerId,
            Integer responsibleId, List<NewAttachment> attachments) {
        this(queueId, customerUser, to, cc, subject, body, priority, state, pendingUntil, type, ownerId, responsibleId,
                attachments, null);
    }
}
