package org.jotrs.customer;

/**
 * A customer user as the customer portal signs them in: {@code customer_user} with its stored
 * password hash (any OTRS format).
 *
 * @param login {@code customer_user.login}, as tickets store it in {@code customer_user_id}
 * @param customerId the company ({@code customer_user.customer_id})
 * @param passwordHash {@code customer_user.pw}, null or empty when none is set (no sign-in possible)
 */
public record CustomerAccount(String login, String customerId, String email, String firstName, String lastName,
        boolean valid, String passwordHash) {

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }

    /** The address form OTRS writes into an article's From for a customer: {@code "Name" <mail>}. */
    public String mailbox() {
        return "\"" + fullName().replace("\"", "") + "\" <" + email + ">";
    }

    /** Never the hash: records print every component, and logs must not carry it. */
    @Override
    public String toString() {
        return "CustomerAccount[login=" + login + ", customerId=" + customerId + ", valid=" + valid + "]";
    }
}
