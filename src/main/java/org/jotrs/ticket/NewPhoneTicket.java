package org.jotrs.ticket;

import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.article.NewAttachment;

/**
 * A ticket from a customer's phone call, as an agent enters it (OTRS AgentTicketPhone).
 *
 * @param customerUser the caller's customer login ({@code customer_user.login})
 * @param priority a {@code ticket_priority} name; null for OTRS's default "3 normal"
 * @param state a {@code ticket_state} name; null for OTRS's default "open"
 * @param pendingUntil required when the state is a pending one, else ignored
 * @param attachments files stored with the call's article
 * @param type a {@code ticket_type} name; null for OTRS's default "Unclassified"
 * @param ownerId an agent who may own tickets in the queue; the ticket is then locked for them, as
 *     OTRS does; null makes the creating agent its owner, unlocked, as OTRS's phone screen does
 * @param responsibleId an agent who may own tickets in the queue; null for none (user 1)
 * @param htmlBody what was said as written in the rich-text editor, or null for plain text; when
 *     given, it is sanitised, {@code body} is made from it, and the article is stored as OTRS stores
 *     an HTML article
 */
public record NewPhoneTicket(Integer queueId, String customerUser, String title, String body, String priority,
        String state, LocalDateTime pendingUntil, List<NewAttachment> attachments, String type, Integer ownerId,
        Integer responsibleId, String htmlBody) {

    public NewPhoneTicket {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A phone ticket written as plain text. */
    public NewPhoneTicket(Integer queueId, String customerUser, String title, String body, String priority,
            String state, LocalDateTime pendingUntil, List<NewAttachment> attachments, String type, Integer ownerId,
            Integer responsibleId) {
        this(queueId, customerUser, title, body, priority, state, pendingUntil, attachments, type, ownerId,
                responsibleId, null);
    }

    /** A phone ticket without attachments, type, owner or responsible agent. */
    public NewPhoneTicket(Integer queueId, String customerUser, String title, String body, String priority,
            String state, LocalDateTime pendingUntil) {
        this(queueId, customerUser, title, body, priority, state, pendingUntil, List.of(), null, null, null, null);
    }

    /** A phone ticket with attachments. */
    public NewPhoneTicket(Integer queueId, String customerUser, String title, String body, String priority,
            String state, LocalDateTime pendingUntil, List<NewAttachment> attachments) {
        this(queueId, customerUser, title, body, priority, state, pendingUntil, attachments, null, null, null, null);
    }
}
