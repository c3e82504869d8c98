package org.jotrs.ticket;

import java.io.Serializable;
import java.util.List;

/** What a bulk action did to each selected ticket; serializable, as the list page gets it through the session. */
public record BulkResult(List<Outcome> outcomes) implements Serializable {

    public BulkResult {
        outcomes = List.copyOf(outcomes);
    }

    /** @param problem why the ticket was left unchanged, or null when it was changed */
    public record Outcome(long ticketId, String number, String problem) implements Serializable {

        public boolean changed() {
            return problem == null;
        }
    }

    public long changed() {
        return outcomes.stream().filter(Outcome::changed).count();
    }

    public List<Outcome> refused() {
        return outcomes.stream().filter(outcome -> !outcome.changed()).toList();
    }
}
