package org.jotrs.portal;

import java.time.LocalDateTime;

/**
 * A ticket as a customer's list shows it: what the customer may know of it, no agent names.
 *
 * @param id {@code ticket.id} (for the API's addresses)
 * @param stateType OTRS's state type ({@code new}, {@code open}, {@code closed}, {@code pending reminder}, …)
 */
public record PortalTicketRow(long id, String number, String title, String state, String stateType, String queue,
        String customerUser, LocalDateTime created, LocalDateTime changed) {

    public boolean closed() {
        return "closed".equals(stateType);
    }
}
