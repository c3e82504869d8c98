package org.jotrs.customer;

/**
 * A customer user as an agent looks them up beside a ticket: how to reach them and their company.
 *
 * @param companyName {@code customer_company.name}, or null when the company is not in the directory
 */
public record CustomerProfile(String login, String fullName, String email, String phone, String mobile,
        String customerId, String companyName, boolean valid) {
}
