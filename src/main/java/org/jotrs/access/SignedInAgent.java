package org.jotrs.access;

import java.io.Serializable;

/**
 * The agent behind a signed-in session: the principal of every agent request.
 *
 * @param id {@code users.id}
 * @param login {@code users.login}
 */
public record SignedInAgent(int id, String login, String firstName, String lastName) implements Serializable {

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }
}
