package org.jotrs.queue;

/**
 * What the OTRS placeholders of templates, salutations and signatures stand for; null values
 * become empty text.
 *
 * @param customerRealName {@code <OTRS_CUSTOMER_REALNAME>}: the customer's full name
 * @param currentUserFirstname the agent writing the answer ({@code <OTRS_CURRENT_UserFirstname>})
 */
public record PlaceholderValues(String customerRealName, String ticketNumber, String ticketTitle,
        String currentUserFirstname, String currentUserLastname, String customerUserFirstname,
        String customerUserLastname, String customerUserEmail) {
}
