package org.jotrs.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that a use case refused, with one message per field (form field names as keys, so a
 * page can show each message beside its field). Thrown before anything is written.
 *
 * <p>The one validation family: every module's refusal of input ({@code InvalidTicketRequest},
 * {@code InvalidArticle}, {@code AccessChangeRefused}, {@code InvalidAddress}, ...) extends it, so
 * the web layer maps all of them in one place ({@code org.jotrs.web.ErrorReplies}): 422, or 409
 * for a {@link #conflict()} with stored data (a taken name, the last administrator).
 */
public class InvalidInput extends RuntimeException {

    private final Map<String, String> errors;
    private final boolean conflict;

    public InvalidInput(Map<String, String> errors) {
        this(errors, false);
    }

    protected InvalidInput(Map<String, String> errors, boolean conflict) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
        this.conflict = conflict;
    }

    /** Whether the input is fine in itself but clashes with what is stored (HTTP 409 rather than 422). */
    public boolean conflict() {
        return conflict;
    }

    /** The HTTP status a page or API answers with: 409 for a conflict, 422 otherwise. */
    public int status() {
        return conflict ? 409 : 422;
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }

    /**
     * The constant of {@code type} named by the value (case-insensitive, {@code -} for {@code _}),
     * or {@code whenBlank} for an empty value; anything else is refused under the field instead of
     * being silently replaced by a default.
     *
     * @throws InvalidInput for an unknown value
     */
    public static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E whenBlank) {
        String clean = clean(value);
        if (clean == null) {
            return whenBlank;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(clean.replace('-', '_'))) {
                return constant;
            }
        }
        String shown = clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
        throw of(field, Messages.t("validation.not-a-valid-choice", shown.replaceAll("\\p{Cntrl}", "?"), field,
                java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", "))));
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

        /**
         * The stripped value, null when blank; a message when it is missing or longer than the
         * column it goes into holds (its declared length, {@link ColumnLimits}).
         */
        public String required(String field, String value, org.jooq.Field<String> column, String missing) {
            String clean = clean(value);
            if (clean == null) {
                add(field, missing);
            } else {
                tooLong(field, clean, column);
            }
            return clean;
        }

        /** The stripped value, null when blank; a message when it is longer than its column holds. */
        public String optional(String field, String value, org.jooq.Field<String> column) {
            String clean = clean(value);
            if (clean != null) {
                tooLong(field, clean, column);
            }
            return clean;
        }

        /**
         * As {@link #required(String, String, org.jooq.Field, String)} for a value that is not stored
         * as typed (encrypted, hashed, split): its limit is the caller's. A value stored as typed
         * takes its column, so the limit is the schema's.
         */
        public String required(String field, String value, int max, String missing) {
            String clean = clean(value);
            if (clean == null) {
                add(field, missing);
            } else if (clean.length() > max) {
                add(field, Messages.t("validation.at-most-characters", Integer.toString(max)));
            }
            return clean;
        }

        /** As {@link #optional(String, String, org.jooq.Field)} for a value not stored as typed. */
        public String optional(String field, String value, int max) {
            String clean = clean(value);
            if (clean != null && clean.length() > max) {
                add(field, Messages.t("validation.at-most-characters", Integer.toString(max)));
            }
            return clean;
        }

        private void tooLong(String field, String clean, org.jooq.Field<String> column) {
            int max = ColumnLimits.length(column);
            if (max > 0 && clean.length() > max) {
                add(field, Messages.t("validation.at-most-characters", Integer.toString(max)));
            }
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
