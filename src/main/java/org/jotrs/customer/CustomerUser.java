package org.jotrs.customer;

/**
 * A customer user as tickets refer to them.
 *
 * @param login {@code customer_user.login}, stored on tickets as {@code customer_user_id}
 * @param customerId the company ({@code customer_company.customer_id}), stored as {@code ticket.customer_id}
 */
public record CustomerUser(String login, String customerId, String email, String firstName, String lastName, boolean valid) {

    /**
     * A customer who is not in the directory, known only by a mail address: OTRS stores such a
     * ticket with the address as {@code customer_user_id} and {@code customer_id} (as its
     * postmaster does for unknown senders).
     */
    public static CustomerUser unlisted(String address) {
        return new CustomerUser(address, address, address, "", "", true);
    }

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }

    /** The address form OTRS writes into an article's From for a customer: {@code "Name" <mail>}. */
    public String mailbox() {
        if (fullName().isEmpty()) {
            return email;
        }
        return "\"" + fullName().replace("\"", "") + "\" <" + email + ">";
    }
}
