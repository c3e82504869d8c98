package org.jotrs.ticket.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jotrs.customer.Company;
import org.jotrs.customer.CustomerUserChanges;
import org.jotrs.platform.Validity;

/**
 * The new-ticket forms' panel for making a customer user who is not in the directory: the fields
 * the admin screen requires, the company chosen by its customer id, and a company name when that
 * company is to be made too. Posted with the ticket's own fields (names prefixed {@code new} so
 * they never collide with them).
 */
public record NewCustomerFields(String newLogin, String newFirstName, String newLastName, String newEmail,
        String newCustomerId, String newCompanyName) {

    static NewCustomerFields empty() {
        return new NewCustomerFields("", "", "", "", "", "");
    }

    /** The panel filled from what the agent typed into the customer field: a mail address is both login and address. */
    static NewCustomerFields typed(String customerUser) {
        String typed = text(customerUser).strip();
        return new NewCustomerFields(typed, "", "", typed.contains("@") ? typed : "", "", "");
    }

    CustomerUserChanges changes() {
        return new CustomerUserChanges(newLogin, null, newFirstName, newLastName, newEmail, newCustomerId, null, null,
                null, null, null, null, null, (int) Validity.VALID.id(), null);
    }

    /** The company to make first, or null when the customer id names one that exists (no name entered). */
    Company company() {
        if (text(newCompanyName).isBlank()) {
            return null;
        }
        return new Company(newCustomerId, newCompanyName, null, null, null, null, null, null, (int) Validity.VALID.id());
    }

    /** The facade's messages keyed by this panel's field names. */
    static Map<String, String> errors(Map<String, String> refused) {
        Map<String, String> shown = new LinkedHashMap<>();
        refused.forEach((field, message) -> {
            String key = switch (field) {
                case "login" -> "newLogin";
                case "firstName" -> "newFirstName";
                case "lastName" -> "newLastName";
                case "email" -> "newEmail";
                case "customerId", "company.customerId" -> "newCustomerId";
                default -> field.startsWith("company.") ? "newCompanyName" : "newLogin";
            };
            shown.putIfAbsent(key, message);
        });
        return shown;
    }

    NewCustomerFields orEmpty() {
        return new NewCustomerFields(text(newLogin), text(newFirstName), text(newLastName), text(newEmail),
                text(newCustomerId), text(newCompanyName));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
