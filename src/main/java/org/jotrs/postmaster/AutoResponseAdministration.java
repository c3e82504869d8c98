package org.jotrs.postmaster;

import java.util.List;

/**
 * The administration of auto responses (OTRS {@code auto_response}, {@code queue_auto_response}).
 * Every method first checks that the actor is an administrator; changes get an audit entry.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied}, {@link org.jotrs.platform.NoSuchEntry},
 * {@link org.jotrs.platform.InvalidInput} with messages per field, nothing written.
 */
public interface AutoResponseAdministration {

    /** One line of the list. */
    record Summary(int id, String name, String type, String systemAddress, List<String> queues, int validId) {
    }

    /** A choice of a select or checkbox list. */
    record Choice(int id, String name) {
    }

    /** What the form offers: OTRS's types, the system addresses (as mail addresses) and the queues. */
    record Options(List<String> types, List<Choice> systemAddresses, List<Choice> queues) {
    }

    List<Summary> autoResponses(int actorId);

    AutoResponseSettings autoResponse(int actorId, int id);

    Options options(int actorId);

    int create(int actorId, AutoResponseSettings settings);

    void update(int actorId, int id, AutoResponseSettings settings);
}
