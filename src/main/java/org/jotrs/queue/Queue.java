package org.jotrs.queue;

/**
 * A queue as other modules need it.
 *
 * @param groupId the permission group that decides who may see and work the queue's tickets
 * @param followUpId OTRS follow_up_possible: 1 possible, 2 reject, 3 new ticket
 */
public record Queue(int id, String name, int groupId, boolean valid, int followUpId) {
}
