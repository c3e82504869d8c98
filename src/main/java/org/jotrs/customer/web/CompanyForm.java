package org.jotrs.customer.web;

import org.jotrs.customer.Company;
import org.jotrs.platform.Validity;

/** The customer company form as posted. */
public record CompanyForm(String customerId, String name, String street, String zip, String city, String country,
        String url, String comment, Integer validId) {

    static CompanyForm empty() {
        return new CompanyForm("", "", "", "", "", "", "", "", (int) Validity.VALID.id());
    }

    static CompanyForm of(Company company) {
        return new CompanyForm(company.customerId(), company.name(), t(company.street()), t(company.zip()),
                t(company.city()), t(company.country()), t(company.url()), t(company.comment()), company.validId());
    }

    Company company() {
        return new Company(customerId, name, street, zip, city, country, url, comment, validId == null ? 0 : validId);
    }

    CompanyForm cleaned() {
        return new CompanyForm(t(customerId), t(name), t(street), t(zip), t(city), t(country), t(url), t(comment),
                validId == null ? (int) Validity.VALID.id() : validId);
    }

    private static String t(String value) {
        return value == null ? "" : value;
    }
}
