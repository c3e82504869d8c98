package org.jotrs.customer;

/** A customer user as the admin screens show it ({@code customer_user}); {@code validId} as in OTRS's valid table. */
public record CustomerUserDetails(int id, String login, String title, String firstName, String lastName, String email,
        String customerId, String phone, String mobile, String street, String zip, String city, String country,
        String comment, int validId, boolean hasPassword) {

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }
}
