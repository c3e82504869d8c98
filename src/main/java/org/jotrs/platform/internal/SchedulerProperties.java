package org.jotrs.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.scheduler.*}: the cluster-wide job scheduler ({@link org.jotrs.platform.ClusterJob}).
 *
 * @param threads how many jobs this node runs at the same time at most
 * @param pollingInterval how often this node looks for due jobs: the delay a job may start late
 * @param heartbeatInterval how often a running job's node says it is alive; after four missed
 *     heartbeats another node takes the job over
 * @param shutdownMaxWait how long a stopping node waits for its running jobs to finish
 */
@ConfigurationProperties("jotrs.scheduler")
record SchedulerProperties(
        @DefaultValue("4") int threads,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("20s") Duration shutdownMaxWait) {

    SchedulerProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("jotrs.scheduler.threads must be at least 1; was " + threads);
        }
        for (Duration duration : new Duration[] {pollingInterval, heartbeatInterval, shutdownMaxWait}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("jotrs.scheduler durations must be positive; was " + duration);
            }
        }
    }
}
