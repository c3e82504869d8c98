package org.jotrs.platform;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Whether a text is one bare mail address, checked by Jakarta Mail's strict RFC 822 parser. */
public final class MailAddressSyntax {

    private MailAddressSyntax() {
    }

    /**
     * True for a single address such as {@code jane@example.com}; false for blanks, lists,
     * display-name forms ({@code "Jane" <jane@example.com>}) and addresses without a domain.
     */
    public static boolean isAddress(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String address = text.strip();
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            // strict parsing still accepts "Name <a@b>" and local-only addresses; a configuration
            // field wants exactly one routable address
            return parsed.getAddress().equals(address) && address.indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }
}
