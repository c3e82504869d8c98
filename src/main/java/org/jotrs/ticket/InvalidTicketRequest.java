package org.jotrs.ticket;

import java.util.Map;

import org.jotrs.platform.InvalidInput;

/** A ticket request with errors; nothing was written. Field names map to messages for forms and APIs. */
public class InvalidTicketRequest extends InvalidInput {

    public InvalidTicketRequest(Map<String, String> errors) {
        super(errors);
    }
}
