package org.jotrs.portal;

import java.util.List;

import org.jotrs.article.Attachment;
import org.jotrs.article.NewAttachment;
import org.jotrs.platform.Page;

/**
 * The tickets a customer may see, with OTRS's customer semantics: tickets whose
 * {@code customer_user_id} is their login, and tickets of their company ({@code customer_id}) and
 * of the further companies {@code customer_user_customer} gives them; with customer group support
 * on, only in queues whose group they hold {@code ro} on; never removed or merged tickets. Every
 * method applies this rule itself: a ticket outside it is answered as one that does not exist
 * ({@link org.jotrs.platform.NoSuchEntry}, the same message), so its existence does not leak.
 */
public interface CustomerTickets {

    /** Rows per page of the lists. */
    int PAGE_SIZE = 20;

    /** A page of the customer's tickets. */
    Page<PortalTicketRow> list(SignedInCustomer customer, PortalTicketQuery query);

    /**
     * The ticket with this number and the articles the customer may read.
     *
     * @throws org.jotrs.platform.NoSuchEntry when there is none the customer may see
     */
    PortalTicket ticket(SignedInCustomer customer, String number);

    /**
     * A file of an article the customer may read (never of an internal note).
     *
     * @throws org.jotrs.platform.NoSuchEntry when the ticket, the article or the file is not the
     *     customer's to see, or does not exist (the same answer)
     */
    Attachment attachment(SignedInCustomer customer, String number, long articleId, int fileId);

    /**
     * The sanitised HTML body of an article the customer may read, for a sandboxed frame.
     *
     * @throws org.jotrs.platform.NoSuchEntry as for {@link #attachment}
     */
    String articleHtml(SignedInCustomer customer, String number, long articleId);

    /**
     * The customer's answer to their ticket: added to it (a closed ticket is reopened), refused,
     * or made a new ticket, as the queue's follow-up option says; the queue's auto response is
     * sent. All in one transaction.
     *
     * @return the number of the ticket the answer went to (a new one for "new ticket")
     * @throws org.jotrs.platform.NoSuchEntry when the ticket is not the customer's to see
     * @param bodyHtml what the rich-text editor wrote (sanitised here, the plain text made from it),
     *     or null or blank for the plain {@code body}
     * @throws org.jotrs.platform.InvalidInput for an empty text, refused files, or a closed ticket
     *     whose queue takes no follow-ups; nothing is written
     */
    String reply(SignedInCustomer customer, String number, String body, String bodyHtml, List<NewAttachment> attachments);

    /**
     * Closes the customer's ticket, where the runtime setting {@code portal.close-own-tickets} allows it.
     *
     * @throws org.jotrs.platform.NoSuchEntry when the ticket is not the customer's to see
     * @throws org.jotrs.platform.AccessRefused when customers may not close tickets
     */
    void close(SignedInCustomer customer, String number);

    /** The new ticket form's choices for the customer. */
    NewTicketOptions newTicketOptions(SignedInCustomer customer);

    /**
     * Opens a ticket for the customer: sender type customer, the queue's auto response, live in
     * the agents' views (the change feed).
     *
     * @return the new ticket's number
     * @throws org.jotrs.platform.InvalidInput for an empty subject or text, a queue not offered,
     *     bad CC addresses, refused files; nothing is written
     */
    String create(SignedInCustomer customer, NewCustomerTicket ticket);
}
