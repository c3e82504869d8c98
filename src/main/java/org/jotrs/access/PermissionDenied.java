package org.jotrs.access;

import org.jotrs.platform.AccessRefused;
import org.jotrs.platform.Messages;

/** An agent lacks the permission an action needs; nothing was changed. */
public class PermissionDenied extends AccessRefused {

    private final Permission required;

    /**
     * @param action the bundle key of what was refused, words that complete "You need the … permission
     *     to" ({@code permission.action.answer-tickets}: "answer tickets"), with its arguments
     */
    public PermissionDenied(Permission required, String action, String... args) {
        super(Messages.t("permission.denied", required.key(), Messages.t(action, (Object[]) args)));
        this.required = required;
    }

    public Permission required() {
        return required;
    }
}
