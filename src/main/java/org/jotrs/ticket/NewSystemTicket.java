package org.jotrs.ticket;

/**
 * A ticket that Jotrs opens by itself (the observer's incidents, later mail rules): no agent
 * enters it, so no agent's permission is asked; it is created by the system user (id 1), as OTRS's
 * own automation does, with its history and change-feed rows like any other ticket.
 *
 * @param queueId where it goes
 * @param title its title (at most 255 characters; longer is cut)
 * @param from who the first article is from, for the zoom ("Jotrs observer")
 * @param body the first article, an internal plain-text note
 */
public record NewSystemTicket(int queueId, String title, String from, String body) {
}
