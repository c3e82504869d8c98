package org.jotrs.customer;

import org.jotrs.platform.Page;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administration of customer users (OTRS {@code customer_user}) and their group permissions
 * ({@code group_customer_user}); companies have {@link CompanyAdministration}. Every method starts with the
 * administrator check ({@code AccessService.requireAdmin}); every change validates all fields
 * first, then writes the rows and its audit log entry in one transaction.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.InvalidInput} for bad fields (nothing written),
 * {@link org.jotrs.platform.NoSuchEntry} for unknown ids.
 */
public interface CustomerAdministration {

    /** Rows per page of the lists. */
    int PAGE_SIZE = 25;

    /** Customer users whose login, name, mail address or customer id contains the text (all when blank), by login. */
    Page<CustomerUserDetails> customerUsers(int actorId, String text, int page);

    CustomerUserDetails customerUser(int actorId, int customerUserId);

    /**
     * Creates a customer user; a non-blank password is stored as an OTRS bcrypt hash.
     *
     * @return the new {@code customer_user.id}
     */
    int createCustomerUser(int actorId, CustomerUserChanges changes);

    /**
     * Creates a customer user and, when {@code newCompany} is not null, their company first
     * ({@link CompanyAdministration#createCompany}'s rules), in one transaction: both are written or
     * neither. Refusals of the user's fields are keyed as in {@link #createCustomerUser(int,
     * CustomerUserChanges)}, the company's as {@code company.<field>}; both are reported at once.
     * The ticket forms use it to make a customer user without leaving the form.
     *
     * @return the new {@code customer_user.id}
     */
    int createCustomerUser(int actorId, CustomerUserChanges changes, Company newCompany);

    /**
     * Changes a customer user. The login stays as it is (tickets refer to it); a blank password
     * keeps the current one.
     */
    void updateCustomerUser(int actorId, int customerUserId, CustomerUserChanges changes);

    /** Whether customer group permissions are in use (OTRS {@code CustomerGroupSupport}). */
    boolean groupSupport();

    /** Every valid agent group with the customer user's ro/rw permission on it. */
    List<CustomerGroupGrant> groupsOf(int actorId, int customerUserId);

    /**
     * Replaces the customer user's group permissions ({@code group_customer_user}).
     *
     * @param grants group id to the permission keys ({@code ro}, {@code rw}) to hold on it
     * @throws org.jotrs.platform.InvalidInput for unknown groups or permission keys, or when group
     *     support is off
     */
    void setGroups(int actorId, int customerUserId, Map<Integer, Set<String>> grants);
}
