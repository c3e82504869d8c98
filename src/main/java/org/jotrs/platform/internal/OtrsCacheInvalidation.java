package org.jotrs.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.FeedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Given the home directory of an OTRS that shares the database ({@code jotrs.otrs.home}), deletes
 * OTRS's disk-cache entries of every ticket Jotrs changes ({@link OtrsCacheFiles}), so an OTRS
 * that keeps its cache on still shows the ticket as Jotrs left it. Follows the change feed, so
 * only committed changes count, on every node that has the directory.
 *
 * <p>Each ticket's entries are deleted twice: once when the change arrives and again a few
 * seconds later. OTRS may have read the old row just before Jotrs committed and write it to its
 * cache just after the first deletion; the second one removes that entry too.
 */
@Component
class OtrsCacheInvalidation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OtrsCacheInvalidation.class);
    static final long SECOND_DELETION_DELAY_MS = 3000;

    private final ChangeFeedTail tail;
    private final OtrsProperties otrs;
    private ScheduledExecutorService deleter;
    private ChangeFeedTail.Subscription subscription;
    private volatile boolean warned;

    OtrsCacheInvalidation(ChangeFeedTail tail, OtrsProperties otrs) {
        this.tail = tail;
        this.otrs = otrs;
    }

    @Override
    public void start() {
        Path home = otrs.home();
        if (home == null || home.toString().isBlank()) {
            return;
        }
        OtrsCacheFiles files = new OtrsCacheFiles(home);
        deleter = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("otrs-cache").daemon().factory());
        subscription = tail.subscribe(batch -> {
            Set<Long> tickets = ticketsOf(batch);
            deleter.execute(() -> delete(files, tickets));
            deleter.schedule(() -> delete(files, tickets), SECOND_DELETION_DELAY_MS, TimeUnit.MILLISECONDS);
        });
        log.info("Deleting OTRS's cache entries of every ticket Jotrs changes, in {} (jotrs.otrs.home)", files.cacheDirectory());
    }

    private static Set<Long> ticketsOf(List<FeedChange> batch) {
        Set<Long> tickets = new TreeSet<>();
        batch.forEach(change -> tickets.add(change.ticketId()));
        return tickets;
    }

    private void delete(OtrsCacheFiles files, Set<Long> tickets) {
        for (long ticketId : tickets) {
            for (OtrsCacheFiles.Entry entry : OtrsCacheFiles.entriesOf(ticketId)) {
                Path file = files.file(entry);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException | SecurityException e) {
                    if (!warned) {
                        warned = true;
                        log.warn("OTRS side by side: could not delete OTRS's cache file {} ({}: {}); OTRS may show "
                                + "stale tickets. Give Jotrs write access to {} or set Cache::InBackend to 0 in OTRS "
                                + "(docs/otrs-side-by-side.md). Further failures are not logged.", file,
                                e.getClass().getSimpleName(), e.getMessage(), files.cacheDirectory());
                    }
                }
            }
        }
    }

    @Override
    public void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (deleter != null) {
            deleter.shutdownNow();
            deleter = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
