package org.jotrs.access;

import java.util.Map;

/**
 * An administration change was refused and nothing was written: a message per form field
 * ({@code login}, {@code email}, ...), or under {@code permissions} when the change would leave
 * no administrator.
 *
 * @see #conflict()
 */
public class AccessChangeRefused extends RuntimeException {

    private final Map<String, String> errors;
    private final boolean conflict;

    private AccessChangeRefused(Map<String, String> errors, boolean conflict) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
        this.conflict = conflict;
    }

    /** The input itself is wrong (HTTP 422). */
    public static AccessChangeRefused invalid(Map<String, String> errors) {
        return new AccessChangeRefused(errors, false);
    }

    /** The input is fine but clashes with what is stored: a taken name, the last administrator (HTTP 409). */
    public static AccessChangeRefused conflict(String field, String message) {
        return new AccessChangeRefused(Map.of(field, message), true);
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean conflict() {
        return conflict;
    }

    /** The HTTP status a page answers with. */
    public int status() {
        return conflict ? 409 : 422;
    }
}
