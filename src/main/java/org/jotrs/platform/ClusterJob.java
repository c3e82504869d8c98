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

    /** Set around each run: whether the scheduler running it is shutting down. */
    private static final ThreadLocal<java.util.function.BooleanSupplier> SHUTTING_DOWN = new ThreadLocal<>();

    /**
     * True inside a run once the node is shutting down: a job that loops (steps until caught up,
     * works through batches) checks it and returns, so the node stops at once instead of waiting
     * for the rest of the run. What the run committed stays; the next node continues.
     */
    public static boolean stopping() {
        java.util.function.BooleanSupplier state = SHUTTING_DOWN.get();
        return state != null && state.getAsBoolean();
    }

    public ClusterJob {
        Objects.requireNonNull(work, "work");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A cluster job's name must match " + NAME + "; was " + name);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Cluster job " + name + " needs a positive interval; was " + interval);
        }
    }

    /** Runs the work once, with {@link #stopping()} answering {@code shuttingDown} (the scheduler's call). */
    public void run(java.util.function.BooleanSupplier shuttingDown) {
        SHUTTING_DOWN.set(shuttingDown);
        try {
            work.run();
        } finally {
            SHUTTING_DOWN.remove();
        }
    }
}
