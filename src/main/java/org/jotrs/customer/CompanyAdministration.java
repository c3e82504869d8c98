package org.jotrs.customer;

import java.util.List;

import org.jotrs.platform.Page;

/**
 * Administration of customer companies (OTRS {@code customer_company}). Every method starts with
 * the administrator check; every change validates all fields first, then writes the row and its
 * audit log entry in one transaction.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown customer ids.
 */
public interface CompanyAdministration {

    /** Rows per page of the list. */
    int PAGE_SIZE = CustomerAdministration.PAGE_SIZE;

    /** Companies whose customer id or name contains the text (all when blank), by name. */
    Page<Company> companies(int actorId, String text, int page);

    Company company(int actorId, String customerId);

    /** Valid companies whose customer id or name starts with the text, for typeahead fields. */
    List<Company> companySuggestions(int actorId, String text, int limit);

    void createCompany(int actorId, Company company);

    /** Changes a company; its customer id stays as it is (customer users and tickets refer to it). */
    void updateCompany(int actorId, String customerId, Company changes);
}
