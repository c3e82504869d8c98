package org.jotrs.platform;

import java.time.LocalDateTime;

/**
 * One committed row of the change feed, as a {@link ChangeFeedTail} delivers it.
 *
 * @param id the feed sequence number
 * @param objectType what changed
 * @param objectId the id of what changed (the ticket, or the article)
 * @param ticketId the ticket it belongs to
 * @param kind what happened, in OTRS event words ({@code TicketCreate}, {@code ArticleCreate}, ...)
 * @param actorId the agent ({@code users.id}) who made the change
 * @param time when it was written (node clock of the writer, seconds)
 */
public record FeedChange(long id, String objectType, long objectId, long ticketId, String kind, int actorId,
        LocalDateTime time) {
}
