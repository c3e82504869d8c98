package org.jotrs.access;

import java.util.Optional;

/** OTRS's {@code valid} table: nothing is deleted, it is made invalid. Ids are OTRS's initial data. */
public enum Validity {
    VALID(1, "valid"),
    INVALID(2, "invalid"),
    INVALID_TEMPORARILY(3, "invalid-temporarily");

    private final int id;
    private final String label;

    Validity(int id, String label) {
        this.id = id;
        this.label = label;
    }

    /** {@code valid_id} as stored. */
    public int id() {
        return id;
    }

    /** OTRS's name, as shown on its screens. */
    public String label() {
        return label;
    }

    public static Optional<Validity> fromId(Integer id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Validity validity : values()) {
            if (validity.id == id) {
                return Optional.of(validity);
            }
        }
        return Optional.empty();
    }

    /** A form value ({@code "1"}, {@code "2"}, {@code "3"}); anything else is empty. */
    public static Optional<Validity> fromForm(String value) {
        if (value == null || !value.strip().matches("\\d")) {
            return Optional.empty();
        }
        return fromId(Integer.parseInt(value.strip()));
    }
}
