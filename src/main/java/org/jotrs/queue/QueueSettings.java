package org.jotrs.queue;

/**
 * A queue's settings ({@code queue} row). Times are minutes, 0 for none; a null time is input
 * that was not a number (the form could not read it) and is refused with a message.
 *
 * @param name {@code Parent::Child} for sub-queues
 * @param followUpId {@code follow_up_possible}: 1 possible, 2 reject, 3 new ticket
 * @param followUpLock whether a follow-up to a closed ticket locks it to its old owner
 * @param unlockTimeout minutes after which a locked ticket without answer is unlocked (0: never)
 * @param firstResponseNotify percent of the first response time after which the escalation warning
 *     goes out ({@code queue.first_response_notify}, 0 for none); likewise {@code updateNotify} and
 *     {@code solutionNotify}; null is input that was not a number
 * @param calendarName OTRS calendar ({@code ""} default, {@code "1"} .. {@code "9"})
 */
public record QueueSettings(String name, int groupId, int systemAddressId, int salutationId, int signatureId,
        int followUpId, boolean followUpLock, Integer unlockTimeout, Integer firstResponseTime, Integer updateTime,
        Integer solutionTime, Integer firstResponseNotify, Integer updateNotify, Integer solutionNotify,
        String calendarName, String comment, int validId) {

    /** A queue without escalation warnings. */
    public QueueSettings(String name, int groupId, int systemAddressId, int salutationId, int signatureId,
            int followUpId, boolean followUpLock, Integer unlockTimeout, Integer firstResponseTime, Integer updateTime,
            Integer solutionTime, String calendarName, String comment, int validId) {
        this(name, groupId, systemAddressId, salutationId, signatureId, followUpId, followUpLock, unlockTimeout,
                firstResponseTime, updateTime, solutionTime, 0, 0, 0, calendarName, comment, validId);
    }
}
