package org.jotrs.live.internal;

/** The session already holds as many live streams as {@code jotrs.live.max-streams-per-session} allows. */
public class TooManyStreams extends RuntimeException {

    public TooManyStreams(int limit) {
        super("This session already has " + limit + " live pages open; close one to get live updates here.");
    }
}
