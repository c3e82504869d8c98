package org.jotrs.api;

/**
 * A token just created: the only time its secret is known to Jotrs.
 *
 * @param secret what the client sends as {@code Authorization: Bearer <secret>}
 */
public record IssuedApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + token + "]";
    }
}
