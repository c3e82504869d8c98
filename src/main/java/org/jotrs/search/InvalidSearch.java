package org.jotrs.search;

/** A query that cannot be run, with a message for the agent on how to fix it. */
public class InvalidSearch extends RuntimeException {

    public InvalidSearch(String message) {
        super(message);
    }
}
