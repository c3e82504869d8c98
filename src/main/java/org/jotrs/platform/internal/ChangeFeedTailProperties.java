package org.jotrs.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.change-feed.*}: how this node follows the change feed.
 *
 * @param pollInterval pause between two reads of the feed; the delay of live updates
 * @param gapHorizon how long an id missing below the tail's position is still waited for (its
 *     transaction may not have committed yet); after that it counts as rolled back
 * @param maxGaps how many missing ids are waited for at most; the oldest are given up first
 * @param batchSize rows read per poll at most
 */
@ConfigurationProperties("jotrs.change-feed")
record ChangeFeedTailProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("60s") Duration gapHorizon,
        @DefaultValue("1000") int maxGaps,
        @DefaultValue("500") int batchSize) {

    ChangeFeedTailProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("jotrs.change-feed.poll-interval must be positive; was " + pollInterval);
        }
        if (maxGaps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("jotrs.change-feed.max-gaps and batch-size must be at least 1");
        }
    }
}
