package org.jotrs.genericinterface.internal;

/**
 * An OTRS GenericInterface error: answered as {@code {"Error":{"ErrorCode":..,"ErrorMessage":..}}}
 * with HTTP 200, as OTRS answers operation errors (clients look for the {@code Error} key).
 */
public class GiError extends RuntimeException {

    private final String code;

    public GiError(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static GiError missing(String operation, String message) {
        return new GiError(operation + ".MissingParameter", operation + ": " + message);
    }

    static GiError invalid(String operation, String message) {
        return new GiError(operation + ".InvalidParameter", operation + ": " + message);
    }
}
