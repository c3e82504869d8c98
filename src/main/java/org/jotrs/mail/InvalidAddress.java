package org.jotrs.mail;

import java.util.Map;

import org.jotrs.platform.InvalidInput;

/** A mail address list that does not parse; the message (under {@link #FIELD}) names the bad part. */
public class InvalidAddress extends InvalidInput {

    public static final String FIELD = "address";

    public InvalidAddress(String message) {
        super(Map.of(FIELD, message));
    }

    /** The message alone, to show under the form field the addresses came from. */
    public String reason() {
        return errors().get(FIELD);
    }
}
