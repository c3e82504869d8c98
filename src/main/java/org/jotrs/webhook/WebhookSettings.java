package org.jotrs.webhook;

import java.util.List;

/**
 * What an administrator enters for a webhook.
 *
 * @param url where to POST, http or https
 * @param secret the signing key; blank generates one (on create) or keeps the current one (on update)
 * @param events the change-feed kinds to send ({@link org.jotrs.platform.FeedKind#word()})
 */
public record WebhookSettings(String name, String url, String secret, List<String> events, boolean enabled) {

    public WebhookSettings {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
