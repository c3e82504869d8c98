package org.jotrs.ticket;

import java.time.LocalDateTime;

/**
 * The zoom's field panel as it is saved: every field with the value the agent saw when the form
 * opened and the value they want now. A field left out (null) or wanted as it was seen is not
 * touched, so a colleague's change to it stands.
 *
 * <p>Optimistic concurrency per field: a field the agent changed is refused when its value no
 * longer is the one they saw (someone else changed it since), unless it already has the wanted
 * value. The key of each field is its form field name ({@link #FIELDS}).
 *
 * @param customerId the company; wanted as seen while the customer user changes means "the new
 *     customer user's company"
 * @param pendingUntil in the stored (server) zone; only used while the wanted state is a pending one
 */
public record TicketFieldsEdit(Edit<String> title, Edit<String> type, Edit<String> customerUser,
        Edit<String> customerId, Edit<String> priority, Edit<String> state, Edit<LocalDateTime> pendingUntil,
        Edit<Integer> queueId, Edit<Integer> ownerId, Edit<Integer> responsibleId) {

    /** The form field names, in the order the panel shows them. */
    public static final java.util.List<String> FIELDS = java.util.List.of("title", "type", "customerUser",
            "customerId", "priority", "state", "pendingUntil", "queueId", "ownerId", "responsibleId");

    /**
     * One field: what the agent saw and what they want.
     *
     * @param seen the value shown when the form opened (null: the field was empty)
     * @param wanted the value to store
     */
    public record Edit<T>(T seen, T wanted) {

        /** Whether the agent changed the field in the form. */
        public boolean changed() {
            return !java.util.Objects.equals(seen, wanted);
        }
    }
}
