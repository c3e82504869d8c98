package org.jotrs.access;

import java.io.Serializable;
import java.security.Principal;

/**
 * The agent behind a signed-in session: the principal of every agent request.
 *
 * <p>It is a {@link Principal} named by the login so that Spring Session indexes sessions by login
 * ({@code jotrs_session.principal_name}), which is what the session administration lists.
 *
 * @param id {@code users.id}
 * @param login {@code users.login}
 */
public record SignedInAgent(int id, String login, String firstName, String lastName) implements Serializable, Principal {

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }

    @Override
    public String getName() {
        return login;
    }
}
