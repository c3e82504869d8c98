package org.jotrs.customer;

/**
 * What an administrator enters for a customer user. Blank optional fields are stored as NULL;
 * {@code password} blank means "no password" on creation and "keep it" on a change.
 */
public record CustomerUserChanges(String login, String title, String firstName, String lastName, String email,
        String customerId, String phone, String mobile, String street, String zip, String city, String country,
        String comment, int validId, String password) {

    /** The password left out, for logs and for re-showing a refused form. */
    @Override
    public String toString() {
        return "CustomerUserChanges[login=" + login + "]";
    }
}
