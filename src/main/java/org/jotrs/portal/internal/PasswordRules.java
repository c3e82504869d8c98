package org.jotrs.portal.internal;

import static org.jotrs.platform.Messages.t;

import org.jotrs.platform.InvalidInput;
import org.springframework.stereotype.Component;

/** The rules for a customer's new password: changing it, setting it from a mailed link, signing up. */
@Component
class PasswordRules {

    private final int minLength;

    PasswordRules(PortalProperties properties) {
        this.minLength = properties.passwordMinLength();
    }

    void check(InvalidInput.Collector errors, String newPassword, String repeatedPassword) {
        String fresh = newPassword == null ? "" : newPassword;
        if (fresh.length() < minLength || fresh.indexOf('\0') >= 0) {
            errors.add("newPassword", t("portal.preferences.password-too-short", minLength));
        } else if (!fresh.equals(repeatedPassword)) {
            errors.add("repeatedPassword", t("portal.preferences.passwords-differ"));
        }
    }
}
