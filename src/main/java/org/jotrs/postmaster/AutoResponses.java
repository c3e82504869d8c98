package org.jotrs.postmaster;

/**
 * The queues' auto responses (OTRS's {@code queue_auto_response}) for messages that did not come
 * by mail: a customer writing in the customer portal gets what a mail would have got, with the
 * same loop protection and daily limit per address.
 */
public interface AutoResponses {

    /**
     * Sends the ticket's queue's auto response of this type to the customer, or records on the
     * ticket why none was sent; does nothing when the queue has none. Joins the caller's
     * transaction (the response is an article and an outbox row); never throws for the response
     * itself, as for mail.
     *
     * @param type {@code auto reply}, {@code auto follow up}, {@code auto reply/new ticket} or {@code auto reject}
     * @param fromMailbox the customer as an article's From shows them ({@code "Name" <mail>})
     * @param fromAddress the customer's bare mail address, where the response goes
     */
    void respondToWebRequest(long ticketId, String type, String fromMailbox, String fromAddress, String subject,
            String body);
}
