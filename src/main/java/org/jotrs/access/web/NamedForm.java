package org.jotrs.access.web;

import org.jotrs.access.AgentAdministration.Named;
import org.jotrs.access.AgentAdministration.NamedInput;
import org.jotrs.platform.Validity;

/** The group or role form as posted. */
public record NamedForm(String name, String comment, String validity) {

    static NamedForm empty() {
        return new NamedForm("", "", String.valueOf(Validity.VALID.id()));
    }

    static NamedForm of(Named named) {
        return new NamedForm(named.name(), named.comment(), String.valueOf(named.validity().id()));
    }

    NamedInput toInput() {
        return new NamedInput(name, comment, Validity.fromForm(validity).orElse(null));
    }

    NamedForm orEmpty() {
        return new NamedForm(name == null ? "" : name, comment == null ? "" : comment, validity == null ? "" : validity);
    }
}
