package org.jotrs.customer.web;

import org.jotrs.customer.CustomerUserChanges;
import org.jotrs.customer.CustomerUserDetails;
import org.jotrs.platform.Validity;

/** The customer user form as posted; the password field is never sent back to the browser. */
public record CustomerUserForm(String login, String title, String firstName, String lastName, String email,
        String customerId, String phone, String mobile, String street, String zip, String city, String country,
        String comment, Integer validId, String password) {

    static CustomerUserForm empty() {
        return new CustomerUserForm("", "", "", "", "", "", "", "", "", "", "", "", "", (int) Validity.VALID.id(), "");
    }

    static CustomerUserForm of(CustomerUserDetails user) {
        return new CustomerUserForm(user.login(), text(user.title()), user.firstName(), user.lastName(), user.email(),
                user.customerId(), text(user.phone()), text(user.mobile()), text(user.street()), text(user.zip()),
                text(user.city()), text(user.country()), text(user.comment()), user.validId(), "");
    }

    CustomerUserChanges changes() {
        return new CustomerUserChanges(login, title, firstName, lastName, email, customerId, phone, mobile, street, zip,
                city, country, comment, validId == null ? 0 : validId, password);
    }

    /** The same form with the password emptied, for showing a refused form again. */
    CustomerUserForm withoutPassword() {
        return new CustomerUserForm(text(login), text(title), text(firstName), text(lastName), text(email),
                text(customerId), text(phone), text(mobile), text(street), text(zip), text(city), text(country),
                text(comment), validId == null ? (int) Validity.VALID.id() : validId, "");
    }

    @Override
    public String toString() {
        return "CustomerUserForm[login=" + login + "]";
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
