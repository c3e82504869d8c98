package org.jotrs.observer.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code jotrs.observer.*}: ingestion limits and the signal engine's pace.
 *
 * @param maxBatchSize the largest batch accepted, after gzip is undone (413 above)
 * @param maxEventsPerBatch events in one batch at most (413 above)
 * @param batchesPerSecondPerKey sustained batches per second per key on one node; twice as many
 *     may come in a burst (429 with Retry-After above)
 * @param keyCacheTtl how long a node trusts what it read about a key; a revoked key is refused on
 *     every node after at most this long (at once on the node that revoked it)
 * @param maxEventAge events older than this (after clock correction) are not stored
 * @param maxFuture events further in the future than this (after clock correction) are not stored
 * @param engineInterval pause between two runs of the signal engine
 * @param engineBatch events (and waiting clicks) one partition of the engine reads per step at most
 * @param enginePartitions how many partitions the signal engine splits the sessions into (by a
 *     hash of site and session); each has its own position and runs on its own thread; changing
 *     it makes the new partitions start from the slowest old one (signals are keyed, so what is
 *     read again is not counted again)
 * @param flushGrace how long after a click's arrival the engine waits for later events of the
 *     session (the SDK flushes every 2 s) before it decides that nothing happened
 * @param exportInterval pause between two runs of the exporter (Jira, Linear)
 * @param exportTimeout the longest a call to Jira or Linear may take, connection included
 * @param exportBackoff the pause after a first failed export; it doubles with every further
 *     failure (a 429's Retry-After is honoured when longer)
 * @param exportMaxBackoff the longest pause between two attempts
 * @param exportAttempts attempts before an export is marked failed (an agent may retry it)
 * @param linearApiUrl Linear's GraphQL endpoint
 * @param retentionInterval pause between two runs of the job that deletes old events
 * @param retentionBatch events deleted per transaction by that job
 */
@ConfigurationProperties("jotrs.observer")
record ObserverProperties(
        @DefaultValue("512KB") DataSize maxBatchSize,
        @DefaultValue("500") int maxEventsPerBatch,
        @DefaultValue("1000") int batchesPerSecondPerKey,
        @DefaultValue("5s") Duration keyCacheTtl,
        @DefaultValue("24h") Duration maxEventAge,
        @DefaultValue("5m") Duration maxFuture,
        @DefaultValue("200ms") Duration engineInterval,
        @DefaultValue("5000") int engineBatch,
        @DefaultValue("4") int enginePartitions,
        @DefaultValue("3s") Duration flushGrace,
        @DefaultValue("1s") Duration exportInterval,
        @DefaultValue("10s") Duration exportTimeout,
        @DefaultValue("5s") Duration exportBackoff,
        @DefaultValue("1h") Duration exportMaxBackoff,
        @DefaultValue("30") int exportAttempts,
        @DefaultValue("https://api.linear.app/graphql") String linearApiUrl,
        @DefaultValue("10m") Duration retentionInterval,
        @DefaultValue("1000") int retentionBatch) {

    ObserverProperties {
        if (enginePartitions < 1 || enginePartitions > 64) {
            throw new IllegalArgumentException("jotrs.observer.engine-partitions must be between 1 and 64; was " + enginePartitions);
        }
    }
}
