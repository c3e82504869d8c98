package org.jotrs.platform;

import java.util.Optional;

/** OTRS's {@code valid} table: what {@code valid_id} means on every configuration row. */
public enum Validity {
    VALID(1, "valid"),
    INVALID(2, "invalid"),
    INVALID_TEMPORARILY(3, "invalid-temporarily");

    private final short id;
    private final String label;

    Validity(int id, String label) {
        this.id = (short) id;
        this.label = label;
    }

    public short id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<Validity> of(int id) {
        for (Validity validity : values()) {
            if (validity.id == id) {
                return Optional.of(validity);
            }
        }
        return Optional.empty();
    }

    /** A stored {@code valid_id}; empty for null or an id OTRS does not define. */
    public static Optional<Validity> fromId(Integer id) {
        return id == null ? Optional.empty() : of(id);
    }

    /** A form value ({@code "1"}, {@code "2"}, {@code "3"}); anything else is empty. */
    public static Optional<Validity> fromForm(String value) {
        if (value == null || !value.strip().matches("\\d")) {
            return Optional.empty();
        }
        return of(Integer.parseInt(value.strip()));
    }

    /** The label of a {@code valid_id}, or the number itself for an id OTRS does not define. */
    public static String labelOf(int id) {
        return of(id).map(Validity::label).orElse(String.valueOf(id));
    }
}
