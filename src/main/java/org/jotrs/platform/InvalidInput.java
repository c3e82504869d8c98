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

    /** Collects messages per field, first message per field wins, and throws them all at once. */
    public static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
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
