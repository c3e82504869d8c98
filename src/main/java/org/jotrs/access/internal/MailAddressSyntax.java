package org.jotrs.access.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Whether text is one bare mail address ({@code jdoe@example.com}), by Jakarta Mail's strict
 * RFC 822 parser. A display name ({@code "Jo" <jo@example.com>}) or a list is refused: the field
 * holds the address only. A domain without a dot is accepted, since OTRS ships
 * {@code root@localhost}.
 */
final class MailAddressSyntax {

    private MailAddressSyntax() {
    }

    static boolean isBareAddress(String text) {
        if (text == null || text.isBlank() || text.length() > 250) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            String parsed = address.getAddress();
            return address.getPersonal() == null && parsed != null && parsed.equals(text)
                    && parsed.indexOf('@') > 0 && parsed.indexOf('@') < parsed.length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }
}
