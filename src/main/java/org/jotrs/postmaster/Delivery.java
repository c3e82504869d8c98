package org.jotrs.postmaster;

/** What became of one incoming message. */
public sealed interface Delivery {

    /** Stored as an article (of a new ticket, or as a follow-up). */
    record Stored(long ticketId, String ticketNumber, long articleId, boolean newTicket) implements Delivery {
    }

    /** The same message (same account, same bytes) was taken in before; nothing was stored again. */
    record Duplicate() implements Delivery {
    }

    /** Could not be stored as an article; kept raw in the quarantine with the reason. */
    record Quarantined(long quarantineId, String reason) implements Delivery {
    }

    /** Ignored on purpose by a trusted {@code X-OTRS-Ignore} header or a filter. */
    record Ignored(String reason) implements Delivery {
    }
}
