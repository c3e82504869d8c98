package org.jotrs.ticket;

/**
 * What a ticket list shows: one of the agent's views, narrowed by filters, sorted by a column,
 * one page at a time. Null filters mean "any".
 *
 * @param states {@code NOT_CLOSED} (the default, OTRS's viewable states), {@code CLOSED} or {@code ALL}
 * @param state one state by name, overriding {@code states}
 * @param ownerId only tickets this agent owns
 * @param age tickets by time since creation
 * @param page zero-based
 */
public record TicketListQuery(View view, Integer queueId, StateFilter states, String state, String priority,
        Integer ownerId, Age age, Sort sort, boolean descending, int page) {

    public TicketListQuery {
        view = view == null ? View.STATUS : view;
        states = states == null ? StateFilter.NOT_CLOSED : states;
        age = age == null ? Age.ANY : age;
        sort = sort == null ? Sort.CREATED : sort;
        page = Math.max(0, page);
    }

    /** The lists of OTRS's agent interface. */
    public enum View {
        /** The queue view: tickets of the queues the agent may read. */
        QUEUE,
        /** The status view: all tickets the agent may read. */
        STATUS,
        /** Tickets the agent owns and has locked. */
        LOCKED,
        /** Tickets the agent is responsible for. */
        RESPONSIBLE,
        /** Tickets the agent watches. */
        WATCHED
    }

    public enum StateFilter {
        NOT_CLOSED, CLOSED, ALL
    }

    public enum Age {
        ANY, TODAY, UP_TO_7_DAYS, OLDER_THAN_7_DAYS, OLDER_THAN_30_DAYS
    }

    /** The sortable columns. */
    public enum Sort {
        NUMBER, TITLE, QUEUE, STATE, PRIORITY, CUSTOMER, OWNER, CREATED, CHANGED
    }

    /** The same query on another page. */
    public TicketListQuery onPage(int other) {
        return new TicketListQuery(view, queueId, states, state, priority, ownerId, age, sort, descending, other);
    }
}
