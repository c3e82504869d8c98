package org.jotrs.customer;

import java.util.Optional;

/** Looks up customer users. */
public interface CustomerDirectory {

    /** A customer user by login; logins compare case-insensitively, as in OTRS. */
    Optional<CustomerUser> find(String login);

    /**
     * Valid customer users whose login, name or mail address starts with the text (case-insensitive),
     * at most {@code limit}, for typeahead fields.
     */
    java.util.List<CustomerUser> search(String text, int limit);

    /**
     * Registers the sender of a mail as a customer user, for the postmaster when it is set to
     * create unknown senders: login and mail address are the address, the customer id too (OTRS's
     * {@code AutoAssignCustomerIDForUnknownCustomers}), the names come from the display name (or
     * the address's local part), no password. Joins the caller's transaction, so the customer user
     * exists exactly when the mail was stored. An existing login is returned as it is.
     *
     * @param address a bare mail address, as the postmaster parsed it
     * @param displayName the From header's name, or null
     */
    CustomerUser registerMailSender(String address, String displayName);

    /** A customer user with phone numbers and company name, for the ticket zoom's customer panel. */
    Optional<CustomerProfile> profile(String login);
}
