package org.jotrs.article;

/**
 * A plain-text article to store on a ticket.
 *
 * @param from the sender as a mailbox ({@code "Name" <mail>}) or a name
 * @param to the recipient (for a phone call from a customer, the queue)
 * @param actorId the agent storing it ({@code users.id})
 */
public record NewArticle(long ticketId, SenderType sender, Channel channel, boolean visibleForCustomer,
        String from, String to, String subject, String body, int actorId) {
}
