package org.jotrs.live.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.live.*}: live updates and the viewing indicator.
 *
 * @param heartbeatInterval how often each stream gets a heartbeat comment (so proxies keep it
 *     open and a vanished browser is noticed) and its viewer row is refreshed
 * @param presenceTimeout a viewer without a heartbeat for this long no longer counts (its node
 *     may be gone); must be well above the heartbeat interval
 * @param presenceInterval how often this node looks for viewers arriving and leaving
 * @param maxStreamsPerSession open streams per agent session at most; browsers allow only about
 *     six connections per host over HTTP/1.1, and every open page holds one
 * @param streamTimeout a stream ends after this long and the browser opens a new one
 * @param maxPagesPerConnection pages (browser tabs) one shared connection serves at most; the
 *     shared connection itself counts as one stream of the session
 */
@ConfigurationProperties("jotrs.live")
record LiveProperties(
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration presenceTimeout,
        @DefaultValue("1s") Duration presenceInterval,
        @DefaultValue("4") int maxStreamsPerSession,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("50") int maxPagesPerConnection) {

    LiveProperties {
        if (presenceTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("jotrs.live.presence-timeout (" + presenceTimeout
                    + ") must be at least twice jotrs.live.heartbeat-interval (" + heartbeatInterval + ")");
        }
        if (maxPagesPerConnection < 1) {
            throw new IllegalArgumentException("jotrs.live.max-pages-per-connection must be at least 1");
        }
        if (maxStreamsPerSession < 1) {
            throw new IllegalArgumentException("jotrs.live.max-streams-per-session must be at least 1");
        }
    }
}
