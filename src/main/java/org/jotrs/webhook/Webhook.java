package org.jotrs.webhook;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A registered webhook, without its secret.
 *
 * @param events the change-feed kinds it receives ({@code TicketCreate}, {@code ArticleCreate}, ...)
 * @param enabled whether deliveries go out
 * @param consecutiveFailures failed attempts in a row (reset by a successful one)
 * @param disabledReason why Jotrs switched it off, or null
 * @param secretHint the first characters of the secret, to tell secrets apart
 */
public record Webhook(int id, String name, String url, List<String> events, boolean enabled, int consecutiveFailures,
        String disabledReason, String secretHint, LocalDateTime created, LocalDateTime changed) {
}
