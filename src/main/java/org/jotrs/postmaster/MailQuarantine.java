package org.jotrs.postmaster;

import java.util.List;
import java.util.Optional;

/**
 * The quarantine as administrators see it. Every method checks that the actor is an administrator.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.NoSuchEntry} for an unknown entry.
 */
public interface MailQuarantine {

    /** Newest first, at most {@code limit}. */
    List<QuarantinedMail> entries(int actorId, int limit);

    /** The raw message, for download. */
    Optional<byte[]> rawMessage(int actorId, long id);

    /**
     * Takes the message in again (after a fix: a larger attachment limit, a new queue); when it is
     * stored it leaves the quarantine, otherwise it stays with the new reason.
     */
    Delivery retry(int actorId, long id);

    /** Removes the message for good. */
    void drop(int actorId, long id);
}
