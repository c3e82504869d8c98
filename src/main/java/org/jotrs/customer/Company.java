package org.jotrs.customer;

/**
 * A customer company ({@code customer_company}). {@code customerId} is its key: customer users
 * and tickets carry it as their {@code customer_id}.
 */
public record Company(String customerId, String name, String street, String zip, String city, String country,
        String url, String comment, int validId) {
}
