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

    /** The label of a {@code valid_id}, or the number itself for an id OTRS does not define. */
    public static String labelOf(int id) {
        return of(id).map(Validity::label).orElse(String.valueOf(id));
    }
}
