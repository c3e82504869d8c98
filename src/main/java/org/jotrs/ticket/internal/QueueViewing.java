package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.access.PermissionDenied;
import org.jotrs.ticket.TicketList.QueueCount;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue view. Open means OTRS's viewable state types (new, open, pending reminder, pending
 * auto); the state ids are resolved first so the ticket queries filter on
 * {@code ticket_state_id} and {@code queue_id}, which OTRS's indexes cover.
 */
@Component
class QueueViewing {

    static final List<String> OPEN_STATE_TYPES = List.of("new", "open", "pending reminder", "pending auto");

    /**
     * Counting the open tickets of every queue reads every open ticket (about 220 ms with 300,000
     * open tickets on PostgreSQL), too slow to repeat for every page view. The counts are shared
     * by all agents and refreshed in the background at most this often, so a page shows counts at
     * most a few seconds old and never waits for a recount once the first one is done.
     */
    static final Duration COUNTS_REFRESH = Duration.ofSeconds(2);

    private final DSLContext db;
    /** Open tickets per queue and state: one grouped count serves the queue view and the dashboard. */
    private final LoadingCache<String, Map<Integer, Map<Short, Integer>>> openCountsByState;

    QueueViewing(DSLContext db) {
        this.db = db;
        this.openCountsByState = Caffeine.newBuilder()
                .refreshAfterWrite(COUNTS_REFRESH)
                .expireAfterWrite(COUNTS_REFRESH.multipliedBy(30))
                .build(key -> countOpenTicketsPerQueueAndState());
    }

    private Map<Integer, Integer> openCounts() {
        Map<Integer, Integer> perQueue = new java.util.HashMap<>();
        openCountsByState.get("all").forEach((queue, states) ->
                perQueue.put(queue, states.values().stream().mapToInt(Integer::intValue).sum()));
        return perQueue;
    }

    /** Open tickets per state id in the given queues, from the shared counts. */
    Map<Short, Integer> openCountsByState(java.util.Collection<Integer> queueIds) {
        Map<Integer, Map<Short, Integer>> all = openCountsByState.get("all");
        Map<Short, Integer> perState = new java.util.HashMap<>();
        for (Integer queueId : queueIds) {
            all.getOrDefault(queueId, Map.of()).forEach((state, count) -> perState.merge(state, count, Integer::sum));
        }
        return perState;
    }

    /** The valid queues of the given groups, by name, with their open-ticket counts. */
    List<QueueCount> readableQueueCounts(Set<Integer> groups) {
        Map<Integer, Integer> counts = openCounts();
        return db.select(QUEUE.ID, QUEUE.NAME)
                .from(QUEUE)
                .where(QUEUE.GROUP_ID.in(groups))
                .and(QUEUE.VALID_ID.eq((short) 1))
                .orderBy(QUEUE.NAME)
                .fetch(q -> new QueueCount(q.value1(), q.value2(), counts.getOrDefault(q.value1(), 0)));
    }

    /** Open tickets in one queue, or in all the given ones, from the shared counts. */
    int openCount(List<Integer> queueIds, Integer queueId) {
        Map<Integer, Integer> counts = openCounts();
        return queueId != null ? counts.getOrDefault(queueId, 0)
                : queueIds.stream().mapToInt(id -> counts.getOrDefault(id, 0)).sum();
    }

    private List<Short> openStateIds() {
        return db.select(TICKET_STATE.ID).from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE_TYPE.NAME.in(OPEN_STATE_TYPES))
                .fetch(TICKET_STATE.ID);
    }

    /** Index-only on {@code jotrs_ticket_state_queue (ticket_state_id, queue_id)}, like the per-queue count was. */
    private Map<Integer, Map<Short, Integer>> countOpenTicketsPerQueueAndState() {
        Map<Integer, Map<Short, Integer>> counts = new java.util.HashMap<>();
        db.select(TICKET.QUEUE_ID, TICKET.TICKET_STATE_ID, DSL.count())
                .from(TICKET)
                .where(TICKET.TICKET_STATE_ID.in(openStateIds()))
                .groupBy(TICKET.QUEUE_ID, TICKET.TICKET_STATE_ID)
                .forEach(r -> counts.computeIfAbsent(r.value1(), q -> new java.util.HashMap<>()).put(r.value2(), r.value3()));
        return counts;
    }
}
