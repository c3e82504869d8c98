package org.jotrs.ticket;

import java.util.Collection;
import java.util.Set;

/**
 * The ticket use cases. Every path (agent UI, REST, mail, automation) goes through here: each
 * method checks the acting agent's permission first and writes the OTRS history rows and the
 * change feed in the same transaction as the change.
 */
public interface TicketService {

    /**
     * Creates a ticket with the caller's first article, as OTRS's phone ticket screen does.
     *
     * @param actorId the agent entering it ({@code users.id}); needs {@code create} on the queue's group
     * @throws org.jotrs.access.PermissionDenied without that permission
     * @throws InvalidTicketRequest for missing or unknown values
     */
    CreatedTicket createPhoneTicket(int actorId, NewPhoneTicket request);

    /** The choices for a phone ticket: only queues where the agent holds {@code create}. */
    PhoneTicketOptions phoneTicketOptions(int actorId);

    /**
     * Applies one action to a ticket: permission check, validation, the change, its OTRS history
     * row and change-feed row, all in one transaction. The ticket row is locked for the duration,
     * so concurrent changes to one ticket apply one after the other and none is lost.
     *
     * @throws NoSuchTicket when it does not exist
     * @throws org.jotrs.access.PermissionDenied without the action's permission
     * @throws InvalidTicketRequest for invalid values
     */
    void apply(int actorId, long ticketId, TicketAction action);

    /** The choices for the zoom's action forms. */
    ZoomOptions zoomOptions(int actorId);

    /**
     * The ticket with its articles and history, for an agent who owns it, is responsible for it
     * or holds {@code ro} on its queue's group.
     *
     * @throws NoSuchTicket when it does not exist
     * @throws org.jotrs.access.PermissionDenied when the agent may not read it
     */
    TicketDetails details(int actorId, long ticketId);

    /**
     * The queues the agent may read ({@code ro}) with their open-ticket counts, and a page of open
     * tickets of one of them (all of them when {@code queueId} is null).
     *
     * @throws org.jotrs.access.PermissionDenied for a queue the agent may not read
     */
    QueueOverview queueOverview(int actorId, Integer queueId, int page);

    /**
     * Whether the agent may read the ticket now: owner, responsible, or {@code ro} on its queue's
     * group (the rule of {@link #details}). False for a ticket that does not exist. Read from the
     * database on every call, so a moved ticket or a changed permission counts at once.
     */
    boolean canRead(int actorId, long ticketId);

    /**
     * Of the given tickets, those the agent may read now (see {@link #canRead}); two queries
     * however many tickets, for pages and streams that check many at once.
     */
    Set<Long> readableAmong(int actorId, Collection<Long> ticketIds);
}
