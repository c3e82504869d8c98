package org.jotrs.portal.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jotrs.customer.CustomerAccounts;
import org.jotrs.portal.PortalTicketQuery.Scope;
import org.jotrs.portal.SignedInCustomer;
import org.springframework.stereotype.Component;

/**
 * The one rule of which tickets a customer sees (OTRS's customer interface): their own
 * ({@code customer_user_id} is their login), or
 * their companies' ({@code customer_id} among their own and {@code customer_user_customer}'s);
 * with customer group support, only in queues whose group they hold {@code ro} on; never a
 * removed or merged ticket. Read afresh on every call, so a moved ticket or a changed company
 * counts at once. Queries using it join {@code ticket_state_type} and {@code queue}.
 */
@Component
class CustomerVisibility {

    private static final List<String> HIDDEN_TYPES = List.of("removed", "merged");

    private final CustomerAccounts accounts;

    CustomerVisibility(CustomerAccounts accounts) {
        this.accounts = accounts;
    }

    /** Every ticket the customer may see. */
    Condition visible(SignedInCustomer customer) {
        return own(customer).or(company(customer)).and(common(customer));
    }

    /** The tickets of one list: own or company's. */
    Condition visible(SignedInCustomer customer, Scope scope) {
        return (scope == Scope.MINE ? own(customer) : company(customer)).and(common(customer));
    }

    private static Condition own(SignedInCustomer customer) {
        // The stored login exactly, so the index on customer_user_id serves it: Jotrs and OTRS store
        // the login as customer_user holds it.
        return TICKET.CUSTOMER_USER_ID.eq(customer.login());
    }

    private Condition company(SignedInCustomer customer) {
        Set<String> companies = accounts.companiesOf(customer.login());
        return companies.isEmpty() ? DSL.falseCondition() : TICKET.CUSTOMER_ID.in(companies);
    }

    private Condition common(SignedInCustomer customer) {
        Condition condition = TICKET_STATE_TYPE.NAME.notIn(HIDDEN_TYPES);
        if (accounts.groupSupport()) {
            Set<Integer> groups = accounts.groupsWith(customer.login(), "ro");
            condition = condition.and(groups.isEmpty() ? DSL.falseCondition() : QUEUE.GROUP_ID.in(groups));
        }
        return condition;
    }
}
