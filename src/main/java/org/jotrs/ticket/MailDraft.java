package org.jotrs.ticket;

/**
 * A reply or forward as the compose form starts it: recipients, a subject carrying the ticket
 * number, and the answered article quoted (reply) or enclosed (forward).
 *
 * @param from the queue's sender address, or null when the queue has none (sending will be refused)
 */
public record MailDraft(TicketAction.MailKind kind, Long articleId, String from, String to, String cc, String subject,
        String body) {
}
