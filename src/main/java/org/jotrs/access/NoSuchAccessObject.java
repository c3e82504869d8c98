package org.jotrs.access;

import org.jotrs.platform.NoSuchEntry;

/** An agent, group or role id that does not exist. */
public class NoSuchAccessObject extends NoSuchEntry {

    public NoSuchAccessObject(String what, int id) {
        super(what + " with id " + id);
    }
}
