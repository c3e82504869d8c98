package org.jotrs.ticket;

import java.time.LocalDateTime;

/** A ticket in a short list beside another page (the customer's other open tickets on the zoom). */
public record TicketSummary(long id, String number, String title, String state, int priorityId,
        LocalDateTime changed) {
}
