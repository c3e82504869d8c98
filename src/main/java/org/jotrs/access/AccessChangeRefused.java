package org.jotrs.access;

import java.util.Map;

import org.jotrs.platform.InvalidInput;

/**
 * An administration change was refused and nothing was written: a message per form field
 * ({@code login}, {@code email}, ...), or under {@code permissions} when the change would leave
 * no administrator. Part of the {@link InvalidInput} family.
 *
 * @see #conflict()
 */
public class AccessChangeRefused extends InvalidInput {

    private AccessChangeRefused(Map<String, String> errors, boolean conflict) {
        super(errors, conflict);
    }

    /** The input itself is wrong (HTTP 422). */
    public static AccessChangeRefused invalid(Map<String, String> errors) {
        return new AccessChangeRefused(errors, false);
    }

    /** The input is fine but clashes with what is stored: a taken name, the last administrator (HTTP 409). */
    public static AccessChangeRefused conflict(String field, String message) {
        return new AccessChangeRefused(Map.of(field, message), true);
    }
}
