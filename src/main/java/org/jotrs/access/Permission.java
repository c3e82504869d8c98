package org.jotrs.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * OTRS agent permission types, stored by their key in {@code group_user.permission_key} and
 * {@code group_role.permission_key}. {@code rw} implies every other one.
 */
public enum Permission {
    RO("ro"),
    MOVE_INTO("move_into"),
    CREATE("create"),
    NOTE("note"),
    OWNER("owner"),
    PRIORITY("priority"),
    RW("rw");

    private final String key;

    Permission(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The permission for an OTRS key; unknown keys (from extensions) are ignored. */
    public static Optional<Permission> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (Permission permission : values()) {
            if (permission.key.equals(lower)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    /** This permission and all it implies. */
    public Set<Permission> implied() {
        return this == RW ? EnumSet.allOf(Permission.class) : EnumSet.of(this);
    }
}
