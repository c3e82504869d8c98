package org.jotrs.mail;

/** A mail address list that does not parse; the message names the bad part. */
public class InvalidAddress extends RuntimeException {

    public InvalidAddress(String message) {
        super(message);
    }
}
