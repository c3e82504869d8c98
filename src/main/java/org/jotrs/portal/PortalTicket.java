package org.jotrs.portal;

import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.article.AttachmentInfo;

/**
 * A ticket as its customer sees it: only articles visible to customers, never internal notes or
 * their files, no agent-only fields.
 *
 * @param followUp what an answer does now (the queue's follow-up option on a closed ticket)
 * @param closable whether the customer may close it here (runtime setting, and it is not closed)
 */
public record PortalTicket(String number, String title, String state, String stateType, String queue, String type,
        String priority, String customerUser, LocalDateTime created, LocalDateTime changed, List<Article> articles,
        FollowUp followUp, boolean closable) {

    public boolean closed() {
        return "closed".equals(stateType);
    }

    /** What a customer's answer to the ticket does, as OTRS's follow-up options decide. */
    public enum FollowUp {
        /** Added to the ticket (and a closed ticket is reopened). */
        ADD,
        /** The ticket is closed and its queue refuses follow-ups: no answer is taken. */
        REFUSED,
        /** The ticket is closed and its queue opens a new ticket for an answer. */
        NEW_TICKET
    }

    /**
     * One article the customer may read.
     *
     * @param fromCustomer whether the customer side wrote it (sender type customer)
     * @param html whether it has an HTML body (shown sanitised in a sandboxed frame)
     * @param attachments its files, without the body parts
     */
    public record Article(long id, boolean fromCustomer, String from, String subject, LocalDateTime created, String body,
            boolean html, List<AttachmentInfo> attachments) {
    }
}
