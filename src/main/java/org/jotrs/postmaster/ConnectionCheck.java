package org.jotrs.postmaster;

/**
 * The outcome of an administrator's "test connection".
 *
 * @param messages messages waiting in the folder when the sign-in worked
 * @param error why connecting or signing in failed, or null
 */
public record ConnectionCheck(int messages, String error) {

    public boolean succeeded() {
        return error == null;
    }
}
