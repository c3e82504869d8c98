package org.jotrs.access;

/** An agent as pick lists show them. */
public record AgentRef(int id, String login, String fullName) {

    /** "First Last (login)", the way OTRS lists agents in its owner and responsible fields. */
    public String label() {
        return fullName.isBlank() ? login : fullName + " (" + login + ")";
    }
}
