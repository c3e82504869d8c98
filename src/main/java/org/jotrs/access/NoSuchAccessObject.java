package org.jotrs.access;

/** An agent, group or role id that does not exist. */
public class NoSuchAccessObject extends RuntimeException {

    public NoSuchAccessObject(String what, int id) {
        super("There is no " + what + " with id " + id + ".");
    }
}
