package org.jotrs.observer;

import java.util.List;

/** An observed site as stored, with the name of its queue and its keys (never the keys themselves). */
public record ObservedSite(long id, SiteSettings settings, String queueName, List<SiteKey> keys) {

    /** The allowed origins, one per entry. */
    public List<String> origins() {
        return settings.allowedOrigins() == null ? List.of()
                : settings.allowedOrigins().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
