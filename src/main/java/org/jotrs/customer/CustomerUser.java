package org.jotrs.customer;

/**
 * A customer user as tickets refer to them.
 *
 * @param login {@code customer_user.login}, stored on tickets as {@code customer_user_id}
 * @param customerId the company ({@code customer_company.customer_id}), stored as {@code ticket.customer_id}
 */
public record CustomerUser(String login, String customerId, String email, String firstName, String lastName, boolean valid) {

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }

    /** The address form OTRS writes into an article's From for a customer: {@code "Name" <mail>}. */
    public String mailbox() {
        return "\"" + fullName().replace("\"", "") + "\" <" + email + ">";
    }
}
