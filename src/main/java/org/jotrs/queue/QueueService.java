package org.jotrs.queue;

import java.util.List;
import java.util.Optional;

/** What other modules may ask about queues. */
public interface QueueService {

    Optional<Queue> find(int queueId);

    /** Valid queues by name; OTRS shows sub-queues as {@code Parent::Child} names. */
    List<Queue> validQueues();

    /**
     * The mailbox a queue's mail is sent from: its valid system address as
     * {@code "Display name" <address>} ({@code system_address.value1}, {@code value0}).
     */
    Optional<String> senderOf(int queueId);

    /**
     * The queue of the valid system address with this mail address (case-insensitive), where
     * OTRS's postmaster puts a new ticket sent to it.
     */
    Optional<Integer> queueForAddress(String mailAddress);

    /** The id of a valid queue by its full name ({@code Parent::Child}), for {@code X-OTRS-Queue}. */
    Optional<Integer> queueIdByName(String name);
}
