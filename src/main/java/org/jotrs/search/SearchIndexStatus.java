package org.jotrs.search;

import java.time.Duration;

/**
 * How this node's index stands.
 *
 * @param feedPosition the highest change-feed id applied to the index
 * @param rebuild the rebuild in progress, or null
 */
public record SearchIndexStatus(String path, long documents, long sizeBytes, long feedPosition, Rebuild rebuild) {

    /**
     * @param eta the estimated time left, null until enough is done to estimate
     */
    public record Rebuild(long ticketsDone, long ticketsTotal, Duration elapsed, Duration eta) {

        public int percent() {
            return ticketsTotal == 0 ? 100 : (int) Math.min(100, ticketsDone * 100 / ticketsTotal);
        }
    }
}
