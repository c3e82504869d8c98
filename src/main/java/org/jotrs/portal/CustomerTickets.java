package org.jotrs.portal;

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
}
