package org.jotrs.webhook;

import java.time.LocalDateTime;

/**
 * One event for one webhook, with the outcome of its last attempt.
 *
 * @param eventId what receivers deduplicate by ({@code X-Jotrs-Event-Id}); the same for every
 *     webhook and every attempt of one change
 * @param status {@code pending} (waiting for its first or next attempt), {@code delivered} (a 2xx
 *     answer) or {@code failed} (no attempts left)
 * @param responseCode the receiver's HTTP status of the last attempt, or null (no answer)
 * @param durationMs how long the last attempt took
 * @param lastError why the last attempt failed, or null
 */
public record WebhookDelivery(long id, long feedId, String eventId, String event, String status, int attempts,
        Integer responseCode, Integer durationMs, String lastError, LocalDateTime created, LocalDateTime lastAttempt,
        LocalDateTime nextAttempt, String payload) {
}
