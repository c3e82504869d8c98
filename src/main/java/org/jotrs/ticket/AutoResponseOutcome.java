package org.jotrs.ticket;

/** What became of an auto response. */
public sealed interface AutoResponseOutcome {

    /** Stored as a system article of the ticket and queued in the outbox. */
    record Sent(long articleId) implements AutoResponseOutcome {
    }

    /** Not sent, with the reason written to the ticket's history. */
    record Suppressed(String reason) implements AutoResponseOutcome {
    }
}
