package org.jotrs.live.internal;

/** No shared live connection of this id belongs to the agent's session (closed meanwhile, or another's). */
public class NoSuchConnection extends RuntimeException {

    public NoSuchConnection(String connectionId) {
        super("No live connection " + connectionId);
    }
}
