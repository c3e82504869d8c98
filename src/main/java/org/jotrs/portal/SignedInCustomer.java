package org.jotrs.portal;

/**
 * The customer a portal request acts for (the security principal of the portal's filter chain).
 *
 * @param login {@code customer_user.login}, as tickets store it in {@code customer_user_id}
 * @param customerId the customer's own company ({@code customer_user.customer_id})
 */
public record SignedInCustomer(String login, String customerId, String fullName, String email) {
}
