package org.jotrs.ticket;

import java.util.Map;

import org.jotrs.platform.InvalidInput;

/**
 * A save of the zoom's field panel that would overwrite what another agent changed after the form
 * was opened (HTTP 409). Nothing was written.
 *
 * @see TicketFieldsEdit
 */
public class TicketChangedMeanwhile extends InvalidInput {

    private final Map<String, String> changedBy;

    /**
     * @param errors per form field, the message saying who changed it
     * @param changedBy per form field, the name of the agent who changed it
     */
    public TicketChangedMeanwhile(Map<String, String> errors, Map<String, String> changedBy) {
        super(errors, true);
        this.changedBy = Map.copyOf(changedBy);
    }

    /** Per form field, the name of the agent whose change would have been overwritten. */
    public Map<String, String> changedBy() {
        return changedBy;
    }
}
