package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.customer.CustomerAccounts;
import org.jotrs.ticket.CustomerTicketAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CustomerTicketAccess}: the customer's companies and group rights come from the customer
 * module's {@link CustomerAccounts}, the condition is over the ticket module's tables.
 */
@Service
class CustomerTicketRule implements CustomerTicketAccess {

    private static final List<String> HIDDEN_TYPES = List.of("removed", "merged");

    private final DSLContext db;
    private final CustomerAccounts accounts;

    CustomerTicketRule(DSLContext db, CustomerAccounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    @Override
    public Condition visibleTo(String login, Scope scope) {
        if (login == null || login.isBlank()) {
            return DSL.falseCondition();
        }
        Condition which = switch (scope) {
            case OWN -> own(login);
            case COMPANY -> company(login);
            case ALL -> own(login).or(company(login));
        };
        return which.and(common(login));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> visibleNumber(String login, long ticketId) {
        return db.select(TICKET.TN).from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(TICKET.ID.eq(ticketId))
                .and(visibleTo(login))
                .fetchOptional(TICKET.TN);
    }

    @Override
    public Set<Integer> groupsToCreateIn(String login) {
        return accounts.groupSupport() ? accounts.groupsWith(login, "rw") : null;
    }

    private static Condition own(String login) {
        // The stored login exactly, so the index on customer_user_id serves it: Jotrs and OTRS store
        // the login as customer_user holds it.
        return TICKET.CUSTOMER_USER_ID.eq(login);
    }

    private Condition company(String login) {
        Set<String> companies = accounts.companiesOf(login);
        return companies.isEmpty() ? DSL.falseCondition() : TICKET.CUSTOMER_ID.in(companies);
    }

    private Condition common(String login) {
        Condition condition = TICKET_STATE_TYPE.NAME.notIn(HIDDEN_TYPES);
        if (accounts.groupSupport()) {
            Set<Integer> groups = accounts.groupsWith(login, "ro");
            condition = condition.and(groups.isEmpty() ? DSL.falseCondition() : QUEUE.GROUP_ID.in(groups));
        }
        return condition;
    }
}
