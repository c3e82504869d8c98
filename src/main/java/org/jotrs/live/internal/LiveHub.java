package org.jotrs.live.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jotrs.access.Permission;
import org.jotrs.access.PermissionDenied;
import org.jotrs.live.internal.Interest.OneTicket;
import org.jotrs.live.internal.Interest.TicketLists;
import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.FeedChange;
import org.jotrs.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * This node's open live streams. It follows the change feed through this node's
 * {@link ChangeFeedTail} and passes each change to the streams that may see it, checking read
 * permission through {@link TicketService#readableAmong} for every batch (permissions and queues
 * change, so nothing is cached between batches). It also keeps this node's viewer rows fresh and
 * tells zooms when other agents (on any node) open or leave the same ticket.
 */
@Component
public class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private final TicketService tickets;
    private final ChangeFeedTail tail;
    private final Viewers viewers;
    private final LiveProperties properties;
    private final Clock clock;
    private final SessionRepository<? extends Session> sessions;
    private final Map<String, LiveStream> streams = new ConcurrentHashMap<>();
    /** Per ticket with a zoom on this node, the agents last told as viewing it; timer thread only. */
    private final Map<Long, Set<Integer>> toldViewers = new HashMap<>();
    private volatile ExecutorService fanOut;
    private volatile ScheduledExecutorService timer;
    private ChangeFeedTail.Subscription subscription;

    LiveHub(TicketService tickets, ChangeFeedTail tail, Viewers viewers, LiveProperties properties, Clock clock,
            SessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
        this.tickets = tickets;
        this.tail = tail;
        this.viewers = viewers;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long a stream stays open before the browser is asked to reconnect. */
    public Duration streamTimeout() {
        return properties.streamTimeout();
    }

    /**
     * Opens a stream for a page of a signed-in agent. A zoom's agent must be able to read the
     * ticket; the zoom is recorded as a viewer and gets the other viewers at once.
     *
     * @return the stream's viewer id, to {@link #close} it with
     * @throws PermissionDenied when the agent may not read the zoom's ticket
     * @throws TooManyStreams when the session already has its maximum of open streams
     */
    public String open(int agentId, String sessionId, Interest interest, StreamSink sink) {
        return open(agentId, sessionId, interest, sink, null);
    }

    /**
     * Opens a page on a shared connection ({@link Interest.Shared}) of the same agent and session:
     * the page's events go down that connection marked with {@code page}, the browser's key for
     * the tab. It does not count as a stream of the session; the connection has its own limit.
     *
     * @return the page's viewer id, to {@link #closeOwn} it with
     * @throws NoSuchConnection when there is no such connection of this agent and session
     * @throws org.jotrs.ticket.NoSuchTicket when the agent may not read the zoom's ticket
     * @throws TooManyStreams when the connection already serves its maximum of pages
     */
    public String openPage(int agentId, String sessionId, String connectionId, String page, Interest interest) {
        LiveStream connection = streams.get(connectionId);
        if (connection == null || connection.agentId() != agentId || !connection.sessionId().equals(sessionId)
                || !(connection.interest() instanceof Interest.Shared) || interest instanceof Interest.Shared) {
            throw new NoSuchConnection(connectionId);
        }
        StreamSink connectionSink = connection.sink();
        StreamSink pageSink = new StreamSink() {
            @Override
            public void send(LiveEvent event) throws java.io.IOException {
                connectionSink.send(page, event);
            }

            @Override
            public void end() {
                // The page leaves; the connection serves the others on.
            }
        };
        return open(agentId, sessionId, interest, pageSink, connectionId);
    }

    private String open(int agentId, String sessionId, Interest interest, StreamSink sink, String connectionId) {
        if (interest instanceof OneTicket zoom && !tickets.canRead(agentId, zoom.ticketId())) {
            throw new org.jotrs.ticket.NoSuchTicket(zoom.ticketId()); // as if it did not exist
        }
        if (interest instanceof TicketLists lists) {
            // Only what the agent could read counts as on the page: the ids come from the browser.
            interest = new TicketLists(tickets.readableAmong(agentId, lists.shownTicketIds()));
        }
        LiveStream stream = new LiveStream(agentId, sessionId, interest, tail.latestId(), sink, connectionId);
        synchronized (streams) {
            if (connectionId == null) {
                // A shared connection counts once, however many pages it serves.
                long open = streams.values().stream()
                        .filter(s -> s.sessionId().equals(sessionId) && s.connection() == null).count();
                if (open >= properties.maxStreamsPerSession()) {
                    throw new TooManyStreams(properties.maxStreamsPerSession());
                }
            } else {
                if (!streams.containsKey(connectionId)) {
                    throw new NoSuchConnection(connectionId);
                }
                long pages = streams.values().stream().filter(s -> connectionId.equals(s.connection())).count();
                if (pages >= properties.maxPagesPerConnection()) {
                    throw new TooManyStreams(properties.maxPagesPerConnection());
                }
            }
            streams.put(stream.viewerId(), stream);
        }
        offer(stream, new LiveEvent.Opened(stream.viewerId()));
        stream.start(gone -> close(gone.viewerId()));
        if (interest instanceof OneTicket zoom) {
            viewers.arrive(stream.viewerId(), zoom.ticketId(), agentId, LocalDateTime.now(clock));
            stream.markViewing();
            Map<Integer, String> present = viewers.current(List.of(zoom.ticketId()), seenSince())
                    .getOrDefault(zoom.ticketId(), Map.of());
            offer(stream, new LiveEvent.Viewers(othersThan(agentId, present)));
        }
        return stream.viewerId();
    }

    /** Ends a stream (the browser left, the response timed out or failed); safe to call twice. */
    public void close(String viewerId) {
        LiveStream stream = streams.remove(viewerId);
        if (stream == null) {
            return;
        }
        stream.end();
        if (stream.interest() instanceof Interest.Shared) {
            // The tabs' pages go with their connection; the browser opens them again on a new one.
            for (LiveStream page : List.copyOf(streams.values())) {
                if (viewerId.equals(page.connection())) {
                    close(page.viewerId());
                }
            }
        }
        if (stream.interest() instanceof OneTicket) {
            try {
                viewers.leave(viewerId);
            } catch (RuntimeException e) {
                // The row expires without heartbeats anyway.
                log.warn("Removing viewer {} failed: {}", viewerId, e.toString());
            }
        }
    }

    /** Ends a stream at its page's request (the page is going away); only the agent's own streams. */
    public void closeOwn(int agentId, String viewerId) {
        LiveStream stream = streams.get(viewerId);
        if (stream != null && stream.agentId() == agentId) {
            close(viewerId);
        }
    }

    /** Open streams on this node: pages with their own stream, shared connections and their pages. */
    int openStreams() {
        return streams.size();
    }

    /**
     * Server-sent event connections open on this node: a page with its own stream is one, a
     * shared connection is one for all the pages it serves.
     */
    public int openConnections() {
        return (int) streams.values().stream().filter(s -> s.connection() == null).count();
    }

    /** Pages served by shared connections on this node. */
    public int sharedPages() {
        return (int) streams.values().stream().filter(s -> s.connection() != null).count();
    }

    @Override
    public void start() {
        fanOut = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("jotrs-live-fan-out").factory());
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("jotrs-live-timer").daemon().factory());
        subscription = tail.subscribe(batch -> fanOut.execute(() -> safely("fan-out", () -> deliver(batch))));
        long heartbeat = properties.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> safely("heartbeat", this::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long presence = properties.presenceInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> safely("presence", this::tellViewers), presence, presence, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (subscription != null) {
            subscription.close();
        }
        timer.shutdownNow();
        fanOut.shutdownNow();
        List.copyOf(streams.keySet()).forEach(this::close);
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Passes one batch of feed changes to the streams that may see them. */
    void deliver(List<FeedChange> batch) {
        if (streams.isEmpty()) {
            return;
        }
        Map<Long, List<FeedChange>> byTicket = new LinkedHashMap<>();
        batch.forEach(change -> byTicket.computeIfAbsent(change.ticketId(), id -> new ArrayList<>()).add(change));
        Map<Integer, String> actors = viewers.names(batch.stream().map(FeedChange::actorId).distinct().toList());
        Map<LiveStream, List<Long>> listChanges = new LinkedHashMap<>();
        List<LiveStream> open = List.copyOf(streams.values());
        // One permission read per agent with a stream, for all the batch's tickets.
        Map<Integer, Set<Long>> readable = new HashMap<>();
        for (LiveStream stream : open) {
            if (stream.interest() instanceof Interest.Shared) {
                continue;
            }
            readable.computeIfAbsent(stream.agentId(), agentId -> tickets.readableAmong(agentId, byTicket.keySet()));
        }
        byTicket.forEach((ticketId, changes) -> {
            for (LiveStream stream : open) {
                boolean onPage = switch (stream.interest()) {
                    case Interest.Shared shared -> false;
                    case OneTicket zoom -> zoom.ticketId() == ticketId;
                    case TicketLists lists -> lists.shownTicketIds().contains(ticketId);
                };
                if (stream.interest() instanceof Interest.Shared) {
                    continue;
                }
                if (stream.interest() instanceof OneTicket && !onPage) {
                    continue;
                }
                // A page opened after the agent's own change was rendered with it already (the
                // action redirects to a fresh page): refreshing it again would be the change twice.
                List<FeedChange> news = changes.stream()
                        .filter(c -> c.actorId() != stream.agentId() || c.id() > stream.connectedAtFeedId())
                        .toList();
                if (news.isEmpty()) {
                    continue;
                }
                boolean mayRead = readable.get(stream.agentId()).contains(ticketId);
                if (!mayRead && !onPage) {
                    continue;
                }
                switch (stream.interest()) {
                    case OneTicket zoom -> {
                        FeedChange last = news.getLast();
                        offer(stream, mayRead
                                ? new LiveEvent.TicketChanged(ticketId, last.kind(), actors.get(last.actorId()),
                                        last.actorId() == stream.agentId(), true)
                                : new LiveEvent.TicketChanged(ticketId, null, null, false, false));
                    }
                    case TicketLists lists -> listChanges.computeIfAbsent(stream, s -> new ArrayList<>()).add(ticketId);
                    case Interest.Shared shared -> {
                    }
                }
            }
        });
        listChanges.forEach((stream, ticketIds) -> offer(stream, new LiveEvent.TicketsChanged(ticketIds)));
    }

    /**
     * Every heartbeat: a comment down each stream, the viewer rows of this node's zooms
     * refreshed, and each stream's session and each zoom's read permission checked again (the
     * agent may have signed out elsewhere, the session expired, an admin taken the right away).
     */
    void heartbeat() {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Boolean> sessionAlive = new HashMap<>();
        for (LiveStream stream : List.copyOf(streams.values())) {
            if (!sessionAlive.computeIfAbsent(stream.sessionId(), id -> sessions.findById(id) != null)) {
                offer(stream, new LiveEvent.Revoked(LiveEvent.Revoked.Reason.SIGNED_OUT));
                continue;
            }
            if (stream.interest() instanceof OneTicket zoom) {
                if (!tickets.canRead(stream.agentId(), zoom.ticketId())) {
                    offer(stream, new LiveEvent.Revoked(LiveEvent.Revoked.Reason.NOT_READABLE));
                    continue;
                }
                // A row purged while this node stood still is put back, unless the stream just closed.
                if (stream.viewing() && !viewers.stillThere(stream.viewerId(), now) && streams.containsKey(stream.viewerId())) {
                    viewers.arrive(stream.viewerId(), zoom.ticketId(), stream.agentId(), now);
                }
            }
            // A shared connection's heartbeat keeps it and finds it gone for all its pages.
            if (stream.connection() == null) {
                offer(stream, new LiveEvent.Heartbeat());
            }
        }
        viewers.forgetSeenBefore(now.minus(properties.presenceTimeout().multipliedBy(4)));
    }

    /** Tells this node's zooms when the set of agents viewing their ticket (on any node) changed. */
    void tellViewers() {
        Map<Long, List<LiveStream>> zooms = new HashMap<>();
        for (LiveStream stream : streams.values()) {
            if (stream.interest() instanceof OneTicket zoom) {
                zooms.computeIfAbsent(zoom.ticketId(), id -> new ArrayList<>()).add(stream);
            }
        }
        toldViewers.keySet().retainAll(zooms.keySet());
        if (zooms.isEmpty()) {
            return;
        }
        Map<Long, Map<Integer, String>> present = viewers.current(zooms.keySet(), seenSince());
        zooms.forEach((ticketId, ticketStreams) -> {
            Map<Integer, String> now = present.getOrDefault(ticketId, Map.of());
            if (now.keySet().equals(toldViewers.get(ticketId))) {
                return;
            }
            toldViewers.put(ticketId, new HashSet<>(now.keySet()));
            for (LiveStream stream : ticketStreams) {
                offer(stream, new LiveEvent.Viewers(othersThan(stream.agentId(), now)));
            }
        });
    }

    private LocalDateTime seenSince() {
        return LocalDateTime.now(clock).minus(properties.presenceTimeout());
    }

    private static List<String> othersThan(int agentId, Map<Integer, String> present) {
        List<String> names = new ArrayList<>();
        present.forEach((id, name) -> {
            if (id != agentId) {
                names.add(name);
            }
        });
        return names;
    }

    private void offer(LiveStream stream, LiveEvent event) {
        if (!stream.offer(event)) {
            log.info("Live stream {} of agent {} is not reading; ending it", stream.viewerId(), stream.agentId());
            close(stream.viewerId());
        }
    }

    private static void safely(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Live {} failed: {}", what, e.toString());
        }
    }
}
