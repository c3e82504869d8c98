package org.jotrs.platform;

/** A configuration entry (customer user, queue, state, ...) that does not exist; shown as 404. */
public class NoSuchEntry extends RuntimeException {

    public NoSuchEntry(String what) {
        super("There is no " + what + ".");
    }
}
