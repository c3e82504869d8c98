package org.jotrs.access;

import org.jotrs.platform.AccessRefused;

/** An agent lacks the permission an action needs; nothing was changed. */
public class PermissionDenied extends AccessRefused {

    private final Permission required;

    public PermissionDenied(Permission required, String what) {
        super("You need the '" + required.key() + "' permission to " + what + ".");
        this.required = required;
    }

    public Permission required() {
        return required;
    }
}
