package org.jotrs.mail;

import java.time.LocalDateTime;

/**
 * A mail waiting in the outbox, or failed there for good.
 *
 * @param articleId the article it belongs to, or null (agent notifications)
 * @param recipients the envelope recipients, comma separated
 * @param lastSmtpCode the server's last reply code, or null when no server answered
 * @param lastError what went wrong on the last attempt
 */
public record OutboxEntry(long id, Long articleId, String messageId, String sender, String recipients, String subject,
        int attempts, LocalDateTime nextAttempt, boolean failed, Integer lastSmtpCode, String lastError,
        LocalDateTime created) {
}
