package org.jotrs.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that a use case refused, with one message per field (form field names as keys, so a
 * page can show each message beside its field). Thrown before anything is written.
 */
public class InvalidInput extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInput(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** The stripped text, or null when it is null or blank (how optional columns are stored). */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Collects messages per field, first message per field wins, and throws them all at once. */
    public static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        /** The stripped value, null when blank; a message when it is missing or longer than {@code max}. */
        public String required(String field, String value, int max, String missing) {
            String clean = clean(value);
            if (clean == null) {
                add(field, missing);
            } else if (clean.length() > max) {
                add(field, "At most " + max + " characters.");
            }
            return clean;
        }

        /** The stripped value, null when blank; a message when it is longer than {@code max}. */
        public String optional(String field, String value, int max) {
            String clean = clean(value);
            if (clean != null && clean.length() > max) {
                add(field, "At most " + max + " characters.");
            }
            return clean;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        /** @throws InvalidInput when any message was added */
        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
