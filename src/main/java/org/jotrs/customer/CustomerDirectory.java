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

    /** A customer user with phone numbers and company name, for the ticket zoom's customer panel. */
    Optional<CustomerProfile> profile(String login);
}
