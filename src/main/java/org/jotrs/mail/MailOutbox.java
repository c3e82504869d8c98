package org.jotrs.mail;

import java.util.List;

/**
 * The outbox as administrators see it: what waits, what failed and why, and sending a failed mail
 * again. Every method checks that the actor is an administrator.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.NoSuchEntry} for an unknown entry.
 */
public interface MailOutbox {

    /** Failed mails first, then waiting ones, oldest first; at most {@code limit}. */
    List<OutboxEntry> entries(int actorId, int limit);

    /** How many mails wait and how many failed. */
    Counts counts(int actorId);

    /** Queues a mail again for an immediate attempt, with its attempts counted from zero. */
    void sendAgain(int actorId, long entryId);

    /**
     * Removes a failed mail from the outbox; the article keeps the message as sent and its failure.
     *
     * @throws org.jotrs.platform.InvalidInput for a mail that has not failed
     */
    void drop(int actorId, long entryId);

    record Counts(int waiting, int failed) {
    }
}
