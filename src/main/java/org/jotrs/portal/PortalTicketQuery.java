package org.jotrs.portal;

import java.util.Locale;

/**
 * Which of a customer's tickets a list shows.
 *
 * @param scope the customer's own tickets, or their companies'
 * @param status open, closed or all
 * @param search words in the number, title or a text the customer may read; blank for none
 * @param sort the column to sort by
 * @param descending whether the largest comes first
 * @param page the page, from 0
 */
public record PortalTicketQuery(Scope scope, Status status, String search, Sort sort, boolean descending, int page) {

    public PortalTicketQuery {
        scope = scope == null ? Scope.MINE : scope;
        status = status == null ? Status.OPEN : status;
        search = search == null ? "" : search.strip();
        sort = sort == null ? Sort.CHANGED : sort;
        page = Math.max(0, page);
    }

    /** OTRS's "My tickets" (customer_user_id) and "Company tickets" (customer_id, and further companies). */
    public enum Scope {
        MINE, COMPANY
    }

    public enum Status {
        OPEN, CLOSED, ALL
    }

    public enum Sort {
        CHANGED, CREATED, NUMBER, TITLE, STATE;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
