package org.jotrs.ticket;

import java.util.Map;
import java.util.stream.Collectors;

/** A ticket request with errors; nothing was written. Field names map to messages for forms and APIs. */
public class InvalidTicketRequest extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidTicketRequest(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
