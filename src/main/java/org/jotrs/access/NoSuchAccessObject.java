package org.jotrs.access;

import org.jotrs.platform.NoSuchEntry;

/** An agent, group or role id that does not exist. */
public class NoSuchAccessObject extends NoSuchEntry {

    /** @param what {@code agent}, {@code group} or {@code role} (the bundle key {@code not-found.access.<what>}) */
    public NoSuchAccessObject(String what, int id) {
        super("not-found.access." + what, String.valueOf(id));
    }
}
