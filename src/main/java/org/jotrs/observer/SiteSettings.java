package org.jotrs.observer;

/**
 * What an administrator sets for an observed site. Thresholds default to the values of the tools
 * that made these signals known (PostHog, Sentry): see {@link #defaults()}.
 *
 * @param allowedOrigins origins that may send events, one per line ({@code https://app.example.com})
 * @param queueId the queue its incident tickets go to
 * @param ticketThreshold occurrences of an incident before it opens a ticket; 0 opens none
 * @param noteIntervalSeconds recurrences add a note to the incident's ticket at most this often
 * @param rageClicks clicks that make a rage click
 * @param rageIntervalMs the most time between two clicks of a rage click
 * @param rageRadiusPx the farthest a click of a rage click may be from the first
 * @param deadClickMs a click on an actionable element followed by no change for this long is dead
 * @param errorClickMs a JS error this soon after a click makes it an error click
 * @param errorLoopCount the same error this often in one session makes an error loop
 * @param ignoreSelectors CSS selectors (as the SDK reports targets) whose clicks never count, one per line
 * @param retentionDays events older than this are deleted
 */
public record SiteSettings(String name, String allowedOrigins, Integer queueId, Integer ticketThreshold,
        Integer noteIntervalSeconds, Integer rageClicks, Integer rageIntervalMs, Integer rageRadiusPx,
        Integer deadClickMs, Integer errorClickMs, Integer errorLoopCount, String ignoreSelectors,
        Integer retentionDays) {

    /** A new site's settings: PostHog's rage and dead click defaults, Sentry-like error loops. */
    public static SiteSettings defaults() {
        return new SiteSettings("", "", null, 3, 3600, 3, 1000, 30, 2500, 1000, 5, "", 30);
    }

    public SiteSettings withName(String newName) {
        return new SiteSettings(newName, allowedOrigins, queueId, ticketThreshold, noteIntervalSeconds, rageClicks,
                rageIntervalMs, rageRadiusPx, deadClickMs, errorClickMs, errorLoopCount, ignoreSelectors, retentionDays);
    }

    public SiteSettings withOrigins(String origins) {
        return new SiteSettings(name, origins, queueId, ticketThreshold, noteIntervalSeconds, rageClicks,
                rageIntervalMs, rageRadiusPx, deadClickMs, errorClickMs, errorLoopCount, ignoreSelectors, retentionDays);
    }

    public SiteSettings withQueue(Integer queue) {
        return new SiteSettings(name, allowedOrigins, queue, ticketThreshold, noteIntervalSeconds, rageClicks,
                rageIntervalMs, rageRadiusPx, deadClickMs, errorClickMs, errorLoopCount, ignoreSelectors, retentionDays);
    }

    public SiteSettings withTicketThreshold(Integer threshold) {
        return new SiteSettings(name, allowedOrigins, queueId, threshold, noteIntervalSeconds, rageClicks,
                rageIntervalMs, rageRadiusPx, deadClickMs, errorClickMs, errorLoopCount, ignoreSelectors, retentionDays);
    }

    public SiteSettings withIgnoreSelectors(String selectors) {
        return new SiteSettings(name, allowedOrigins, queueId, ticketThreshold, noteIntervalSeconds, rageClicks,
                rageIntervalMs, rageRadiusPx, deadClickMs, errorClickMs, errorLoopCount, selectors, retentionDays);
    }
}
