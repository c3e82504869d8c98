package org.jotrs.ticket;

import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;

/**
 * The one rule of which tickets a customer user may see and where they may open tickets, as
 * OTRS's customer interface decides it. The portal, the GenericInterface and {@code /api/v1} all
 * ask here, so none of them can show a customer more than another.
 *
 * <p>A customer user sees a ticket when it is theirs ({@code customer_user_id} is their login) or
 * their companies' ({@code customer_id} is their own {@code customer_user.customer_id} or one
 * {@code customer_user_customer} gives them); with customer group support
 * ({@code jotrs.customer.group-support}, OTRS's CustomerGroupSupport) only in queues whose group
 * they hold {@code ro} on ({@code group_customer_user}, or their company's {@code group_customer});
 * never a removed or merged ticket. Read afresh on every call, so a moved ticket or a changed
 * company counts at once. Which articles of a visible ticket they read (only those visible to
 * customers) is the caller's filter on {@code article.is_visible_for_customer}.
 */
public interface CustomerTicketAccess {

    /** Which of the customer's tickets: all they see, their own, or their companies'. */
    enum Scope {
        ALL, OWN, COMPANY
    }

    /**
     * The rule as a condition for the caller's query over {@code ticket}, which must join
     * {@code ticket_state}, {@code ticket_state_type} and {@code queue}.
     *
     * @param login the customer user's {@code customer_user.login}, as the caller has checked it
     */
    Condition visibleTo(String login, Scope scope);

    /** All tickets the customer sees (see {@link #visibleTo(String, Scope)}). */
    default Condition visibleTo(String login) {
        return visibleTo(login, Scope.ALL);
    }

    /** Whether the customer may see the ticket; false for a ticket that does not exist. */
    default boolean canSee(String login, long ticketId) {
        return visibleNumber(login, ticketId).isPresent();
    }

    /**
     * The ticket's number if the customer may see it; empty for a ticket that does not exist and
     * for one they may not see alike (one query either way).
     */
    Optional<String> visibleNumber(String login, long ticketId);

    /**
     * The queue groups in which the customer may open tickets ({@code rw}, directly or through a
     * company), or null when customer group support is off and every queue is open to them.
     */
    Set<Integer> groupsToCreateIn(String login);

    /** Whether the customer may open a ticket in a queue of this group (see {@link #groupsToCreateIn}). */
    default boolean mayCreateIn(String login, int groupId) {
        Set<Integer> groups = groupsToCreateIn(login);
        return groups == null || groups.contains(groupId);
    }
}
