package org.jotrs.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Work that runs on one node of the cluster at a time, again and again: declare it as a bean and
 * the platform's scheduler runs it every {@code interval} (measured from the end of the previous
 * run) on whichever node claims it first. Jobs survive restarts, and a job whose node dies while
 * running is picked up by another node after a few missed heartbeats
 * ({@code jotrs.scheduler.heartbeat-interval}).
 *
 * <p>This is the one way to do cluster-wide background work in Jotrs (sending mail, fetching
 * mailboxes, delivering webhooks, ...). Work that every node does for itself (following the change
 * feed for its own search index or live streams) uses {@link ChangeFeedTail} instead. A job's run
 * should be short and bounded (a batch), and safe to repeat: a crash can repeat a run's work
 * up to the point where it committed.
 *
 * @param name unique, stable name (it is the job's key in {@code jotrs_scheduled_tasks}):
 *     lower case, digits, dots and dashes, at most 100 characters, e.g. {@code mail.outbound-sender}
 * @param interval pause between the end of one run and the start of the next
 * @param work what one run does; an exception is logged and the job runs again after the interval
 */
public record ClusterJob(String name, Duration interval, Runnable work) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

    public ClusterJob {
        Objects.requireNonNull(work, "work");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A cluster job's name must match " + NAME + "; was " + name);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Cluster job " + name + " needs a positive interval; was " + interval);
        }
    }
}
