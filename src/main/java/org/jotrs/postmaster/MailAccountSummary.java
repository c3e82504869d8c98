package org.jotrs.postmaster;

import java.time.LocalDateTime;

/**
 * One line of the mail account list, with the outcome of the last fetch.
 *
 * @param queue the queue's name, or null when the account dispatches by recipient address
 * @param lastError why the last fetch failed, or null when it went well (or none ran yet)
 */
public record MailAccountSummary(int id, String login, String host, String type, String queue, boolean trusted,
        boolean oauth2, int validId, LocalDateTime lastFetch, Integer lastCount, String lastError) {
}
