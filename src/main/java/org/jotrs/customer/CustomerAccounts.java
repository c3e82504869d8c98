package org.jotrs.customer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customer users as the customer portal needs them: their accounts for signing in, their own
 * password and preferences, and what they may see (their companies and customer group
 * permissions, as OTRS's customer interface decides it). The portal checks who acts; these
 * methods trust their caller for the login they are given.
 */
public interface CustomerAccounts {

    /** OTRS's customer preference keys the portal keeps ({@code customer_preferences}). */
    String LANGUAGE = "UserLanguage";
    String TIME_ZONE = "UserTimeZone";

    /** The account by login; logins compare case-insensitively, as in OTRS. */
    Optional<CustomerAccount> account(String login);

    /** The valid account with this mail address (any case), when exactly one has it. */
    Optional<CustomerAccount> accountByEmail(String email);

    /**
     * Whether any customer user, valid or not, has this mail address or this login (any case):
     * a self-registration with it must not make a second account.
     */
    boolean addressTaken(String email);

    /**
     * Creates a valid customer user who signed up in the portal and confirmed the address (OTRS's
     * CustomerPanelCreateAccount): login and mail address are the address; recorded as by the
     * system user. The caller has checked {@link #addressTaken}; in the caller's transaction.
     */
    CustomerAccount createAccount(String email, String customerId, String firstName, String lastName, String passwordHash);

    /** Replaces the stored password hash ({@code customer_user.pw}), in the caller's transaction. */
    void setPasswordHash(String login, String passwordHash);

    /** The customer's preferences ({@code customer_preferences}), by OTRS key. */
    Map<String, String> preferences(String login);

    /** Sets (or, for a null or blank value, removes) preferences, in the caller's transaction. */
    void setPreferences(String login, Map<String, String> values);

    /**
     * The companies whose tickets the customer sees: their own {@code customer_id} and the further
     * ones {@code customer_user_customer} gives them (OTRS's CustomerIDs).
     */
    Set<String> companiesOf(String login);

    /** Whether customer group permissions are in use (OTRS {@code CustomerGroupSupport}). */
    boolean groupSupport();

    /**
     * The agent groups on which the customer holds {@code permission} ({@code ro} or {@code rw};
     * {@code rw} implies {@code ro}): their own {@code group_customer_user} rows and those of their
     * companies ({@code group_customer}, context {@code Ticket::CustomerID::Same}).
     */
    Set<Integer> groupsWith(String login, String permission);
}
