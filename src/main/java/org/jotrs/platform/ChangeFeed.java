package org.jotrs.platform;


/**
 * The one way data flows out of a change: every state change of a ticket or article appends a
 * row, in the same transaction as the change itself ({@code jotrs_change_feed}). Readers (search
 * index, live updates, webhooks, notifications) follow the feed by id.
 */
public interface ChangeFeed {

    /** The kind of object that changed. */
    enum ObjectType {
        TICKET, ARTICLE
    }

    /**
     * Appends a change; joins the caller's transaction, so it commits or rolls back with it.
     *
     * @param kind what happened
     * @param actorId the agent ({@code users.id}) who made the change
     * @return the feed sequence number of the change
     */
    long append(ObjectType type, long objectId, long ticketId, FeedKind kind, int actorId);
}
