package org.jotrs.queue;

/**
 * A queue's settings ({@code queue} row). Times are minutes, 0 for none; a null time is input
 * that was not a number (the form could not read it) and is refused with a message.
 *
 * @param name {@code Parent::Child} for sub-queues
 * @param followUpId {@code follow_up_possible}: 1 possible, 2 reject, 3 new ticket
 * @param followUpLock whether a follow-up to a closed ticket locks it to its old owner
 * @param unlockTimeout minutes after which a locked ticket without answer is unlocked (0: never)
 * @param calendarName OTRS calendar ({@code ""} default, {@code "1"} .. {@code "9"})
 */
public record QueueSettings(String name, int groupId, int systemAddressId, int salutationId, int signatureId,
        int followUpId, boolean followUpLock, Integer unlockTimeout, Integer firstResponseTime, Integer updateTime,
        Integer solutionTime, String calendarName, String comment, int validId) {
}
