package org.jotrs.queue;

import java.util.List;

/**
 * Administration of queues (OTRS {@code queue}). System addresses, salutations and signatures,
 * and templates have facades of their own ({@link SystemAddressAdministration},
 * {@link TextBlockAdministration}, {@link TemplateAdministration}); the list row and choice types
 * here serve all four. Every method starts with the administrator check; every change validates
 * all fields first, then writes its rows and its audit log entry in one transaction. Nothing is
 * cached: a change shows on the next request.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown ids.
 */
public interface QueueAdministration {

    /** A row of a list screen: the entry's id and name, the other columns as text, and its validity. */
    record Row(int id, String name, List<String> cells, int validId) {
    }

    /** An option of a select field. */
    record Choice(int id, String name) {
    }

    /** The options of the queue form. */
    record QueueChoices(List<Choice> groups, List<Choice> systemAddresses, List<Choice> salutations,
            List<Choice> signatures, List<Choice> followUpOptions) {
    }

    /** All queues by name, with group and comment. */
    List<Row> queues(int actorId);

    QueueSettings queue(int actorId, int queueId);

    QueueChoices queueChoices(int actorId);

    /**
     * Creates a queue. A sub-queue is named {@code Parent::Child}, as in OTRS, and its parent must exist.
     *
     * @return the new queue's id
     */
    int createQueue(int actorId, QueueSettings settings);

    /** Changes a queue; renaming it renames its sub-queues too, as OTRS's QueueUpdate does. */
    void updateQueue(int actorId, int queueId, QueueSettings settings);
}
