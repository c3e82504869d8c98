package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_FLAG;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_WATCHER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jotrs.access.AgentRef;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.access.PermissionDenied;
import org.jotrs.platform.Page;
import org.jotrs.platform.db.schema.tables.Ticket;
import org.jotrs.ticket.TicketList.QueueCount;
import org.jotrs.ticket.TicketList;
import org.jotrs.ticket.TicketListQuery;
import org.jotrs.ticket.TicketListQuery.View;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's ticket lists (queue, status, locked, responsible, watched) with filters, sorting
 * and pages. An agent sees a ticket when they may read its queue (ro) or own it or are
 * responsible for it, OTRS's read rule. The queue view with its default filter uses the shared
 * open-ticket counts instead of counting again.
 */
@Component
class TicketListing {

    private final DSLContext db;
    private final AccessService access;
    private final TicketLookups lookups;
    private final QueueViewing queueViewing;
    private final Clock clock;
    private final TicketRuntimeSettings settings;

    TicketListing(DSLContext db, AccessService access, TicketLookups lookups, QueueViewing queueViewing, Clock clock,
            TicketRuntimeSettings settings) {
        this.settings = settings;
        this.db = db;
        this.access = access;
        this.lookups = lookups;
        this.queueViewing = queueViewing;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    TicketList list(int actorId, TicketListQuery query) {
        Set<Integer> readableGroups = access.groupsWith(actorId, Permission.RO);
        List<QueueCount> queues = queueViewing.readableQueueCounts(readableGroups);
        List<Integer> queueIds = queues.stream().map(QueueCount::queueId).toList();
        if (query.queueId() != null && !queueIds.contains(query.queueId())) {
            throw new PermissionDenied(Permission.RO, "permission.action.read-queue");
        }
        Condition readable = TICKET.QUEUE_ID.in(queueIds).or(TICKET.USER_ID.eq(actorId))
                .or(TICKET.RESPONSIBLE_USER_ID.eq(actorId));
        Condition condition = switch (query.view()) {
            case QUEUE -> TICKET.QUEUE_ID.in(queueIds);
            case STATUS -> readable;
            // OTRS's two lock types by id rather than "not unlocked", so the lock index finds the few
            // locked tickets: user 1 owns every unowned ticket in OTRS, and "not unlocked" made
            // PostgreSQL read all of them (290 ms with a million tickets).
            case LOCKED -> TICKET.USER_ID.eq(actorId)
                    .and(TICKET.TICKET_LOCK_ID.in(lookups.lockId("lock"), lookups.lockId("tmp_lock")));
            // The responsible agent may read the ticket (OTRS's read rule), so no queue condition:
            // the list is then one range of jotrs_ticket_responsible_changed.
            case RESPONSIBLE -> TICKET.RESPONSIBLE_USER_ID.eq(actorId);
            case WATCHED -> TICKET.ID.in(DSL.select(TICKET_WATCHER.TICKET_ID).from(TICKET_WATCHER)
                    .where(TICKET_WATCHER.USER_ID.eq(actorId))).and(readable);
        };
        condition = condition.and(filters(query));

        int total = defaultQueueView(query) ? queueViewing.openCount(queueIds, query.queueId())
                : defaultStatusView(query) ? queueViewing.openCount(queueIds, null) + ownedOutside(queueIds, condition)
                : db.fetchCount(TICKET, condition);
        int pageSize = settings.pageSize();
        int page = Page.clamp(query.page(), total, pageSize);
        List<TicketList.Row> rows = page(condition, query, page * pageSize, pageSize, actorId);
        List<AgentRef> owners = access.validAgents();
        return new TicketList(query.onPage(page), new Page<>(rows, page, pageSize, total), queues,
                lookups.states().stream().map(State::name).toList(), lookups.priorities(), owners);
    }

    /** The queue view as it opens (any or one queue): its count is already known. */
    private static boolean defaultQueueView(TicketListQuery query) {
        return query.view() == View.QUEUE && notClosedOnly(query);
    }

    /** The status view as it opens: its count is the shared counts plus {@link #ownedOutside}. */
    private static boolean defaultStatusView(TicketListQuery query) {
        return query.view() == View.STATUS && query.queueId() == null && notClosedOnly(query);
    }

    /** Not-closed tickets and no other filter but the queue: what the shared counts count. */
    private static boolean notClosedOnly(TicketListQuery query) {
        return query.states() == TicketListQuery.StateFilter.NOT_CLOSED && query.state() == null
                && query.priority() == null && query.ownerId() == null && query.age() == TicketListQuery.Age.ANY;
    }

    /**
     * The status view's tickets that the shared counts of the readable queues leave out: those the
     * agent owns or is responsible for in other queues. Counting all readable tickets instead took
     * 580 ms with a million tickets; this reads only the other queues' index ranges, and nothing
     * when the agent may read every queue.
     */
    private int ownedOutside(List<Integer> readableQueueIds, Condition statusCondition) {
        List<Integer> others = db.select(QUEUE.ID).from(QUEUE).where(QUEUE.ID.notIn(readableQueueIds)).fetch(QUEUE.ID);
        return others.isEmpty() ? 0 : db.fetchCount(TICKET, TICKET.QUEUE_ID.in(others).and(statusCondition));
    }

    private Condition filters(TicketListQuery query) {
        Condition condition = DSL.noCondition();
        if (query.queueId() != null) {
            condition = condition.and(TICKET.QUEUE_ID.eq(query.queueId()));
        }
        if (query.state() != null && !query.state().isBlank()) {
            // The ids first, not a subquery: with "state_id IN (SELECT ... WHERE name = ?)" PostgreSQL
            // cannot tell a rare state from a common one and walked every ticket by creation time to
            // find the dashboard's new tickets (1.8 s with a million tickets and no new one).
            condition = condition.and(TICKET.TICKET_STATE_ID.in(db.select(TICKET_STATE.ID).from(TICKET_STATE)
                    .where(TICKET_STATE.NAME.eq(query.state())).fetch(TICKET_STATE.ID)));
        } else {
            condition = switch (query.states()) {
                case NOT_CLOSED -> condition.and(TICKET.TICKET_STATE_ID.in(stateIds(QueueViewing.OPEN_STATE_TYPES)));
                case CLOSED -> condition.and(TICKET.TICKET_STATE_ID.in(stateIds(List.of("closed"))));
                case ALL -> condition;
            };
        }
        if (query.priority() != null && !query.priority().isBlank()) {
            condition = condition.and(TICKET.TICKET_PRIORITY_ID.in(db.select(TICKET_PRIORITY.ID).from(TICKET_PRIORITY)
                    .where(TICKET_PRIORITY.NAME.eq(query.priority())).fetch(TICKET_PRIORITY.ID)));
        }
        if (query.ownerId() != null) {
            condition = condition.and(TICKET.USER_ID.eq(query.ownerId()));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        condition = switch (query.age()) {
            case ANY -> condition;
            case TODAY -> condition.and(TICKET.CREATE_TIME.ge(LocalDate.now(clock).atStartOfDay()));
            case UP_TO_7_DAYS -> condition.and(TICKET.CREATE_TIME.ge(now.minusDays(7)));
            case OLDER_THAN_7_DAYS -> condition.and(TICKET.CREATE_TIME.lt(now.minusDays(7)));
            case OLDER_THAN_30_DAYS -> condition.and(TICKET.CREATE_TIME.lt(now.minusDays(30)));
        };
        return condition;
    }

    private List<Short> stateIds(List<String> stateTypes) {
        return db.select(TICKET_STATE.ID).from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE_TYPE.NAME.in(stateTypes))
                .fetch(TICKET_STATE.ID);
    }

    /**
     * One page of rows in two steps in one statement: the page's ticket ids and sort keys first
     * (for the queue view an index-only range of {@code jotrs_ticket_queue_created}: the skipped
     * rows of a deep page are never read from the table), then those 25 tickets with their names.
     * The names come from scalar subqueries rather than joins: with five joins PostgreSQL spent
     * about 3 ms planning every page (the ticket table has over 20 indexes), more than running it.
     */
    private List<TicketList.Row> page(Condition condition, TicketListQuery query, int offset, int pageSize,
            int actorId) {
        SortKey sort = sortKey(query.sort());
        Field<?> sortKey = sort.key().as("sort_key");
        Field<Long> pageId = TICKET.ID.as("page_id");
        // OTRS's queue view (AgentTicketQueue PreSort::ByPriority, on by default) puts the highest
        // priority first whatever column the agent sorts by; the column orders within a priority.
        boolean byPriority = query.view() == View.QUEUE && settings.queuePreSortByPriority();
        Field<Short> presortKey = TICKET.TICKET_PRIORITY_ID.as("presort_key");
        Table<?> page = db.select(pageId, sortKey, presortKey)
                .from(sort.source())
                .where(condition)
                .orderBy(order(byPriority, presortKey, sortKey, TICKET.ID, query))
                .limit(pageSize)
                .offset(offset)
                .asTable("page");
        Ticket t = TICKET.as("t");
        return db.select(t.ID, t.TN, t.TITLE, name(QUEUE.NAME, QUEUE.ID.eq(t.QUEUE_ID)),
                        name(TICKET_STATE.NAME, TICKET_STATE.ID.eq(t.TICKET_STATE_ID)),
                        name(TICKET_PRIORITY.NAME, TICKET_PRIORITY.ID.eq(t.TICKET_PRIORITY_ID)), t.CUSTOMER_USER_ID,
                        name(USERS.LOGIN, USERS.ID.eq(t.USER_ID)),
                        name(TICKET_LOCK_TYPE.NAME, TICKET_LOCK_TYPE.ID.eq(t.TICKET_LOCK_ID)), t.CREATE_TIME,
                        t.CHANGE_TIME, t.TICKET_PRIORITY_ID,
                        DSL.field(DSL.exists(DSL.selectOne().from(TICKET_FLAG)
                                .where(TICKET_FLAG.TICKET_ID.eq(t.ID))
                                .and(TICKET_FLAG.CREATE_BY.eq(actorId))
                                .and(TICKET_FLAG.TICKET_KEY.eq(TicketFlags.SEEN)))), t.ESCALATION_TIME)
                .from(t)
                .join(page).on(page.field(pageId).eq(t.ID))
                .orderBy(order(byPriority, page.field(presortKey), page.field(sortKey), page.field(pageId), query))
                .fetch(r -> new TicketList.Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), !"unlock".equals(r.value9()), r.value10(), r.value11(), r.value12(),
                        Boolean.TRUE.equals(r.value13()),
                        TicketList.Escalation.of(r.value14() == null ? 0 : r.value14(), clock.instant())));
    }

    /** A lookup table's name for one ticket (a scalar subquery on its primary key). */
    private static <T> Field<T> name(TableField<?, T> column, Condition byId) {
        return DSL.field(DSL.select(column).from(column.getTable()).where(byId));
    }

    /** What a page is sorted by, and the tickets joined to the one lookup table that holds it. */
    private record SortKey(Field<?> key, Table<?> source) {
    }

    /**
     * The chosen column. A name column is joined for the sort: ordering every matching ticket by
     * a per-row subquery took twice as long as by a join (1.0 s against 0.5 s for 350,000 tickets).
     */
    private static SortKey sortKey(TicketListQuery.Sort sort) {
        return switch (sort) {
            case NUMBER -> new SortKey(TICKET.TN, TICKET);
            case TITLE -> new SortKey(TICKET.TITLE, TICKET);
            case QUEUE -> new SortKey(QUEUE.NAME, TICKET.join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID)));
            case STATE -> new SortKey(TICKET_STATE.NAME,
                    TICKET.join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID)));
            case PRIORITY -> new SortKey(TICKET.TICKET_PRIORITY_ID, TICKET);
            case CUSTOMER -> new SortKey(TICKET.CUSTOMER_USER_ID, TICKET);
            case OWNER -> new SortKey(USERS.LOGIN, TICKET.leftJoin(USERS).on(USERS.ID.eq(TICKET.USER_ID)));
            case CREATED -> new SortKey(TICKET.CREATE_TIME, TICKET);
            case CHANGED -> new SortKey(TICKET.CHANGE_TIME, TICKET);
        };
    }

    /** The page's order: optionally the priority (highest first), then the column, then the id. */
    private static List<SortField<?>> order(boolean byPriority, Field<?> priority, Field<?> sortKey, Field<?> id,
            TicketListQuery query) {
        List<SortField<?>> order = new java.util.ArrayList<>(3);
        if (byPriority) {
            order.add(priority.desc());
        }
        order.add(direction(sortKey, query));
        order.add(direction(id, query));
        return order;
    }

    /** Then the id, so pages never overlap when values tie. */
    private static SortField<?> direction(Field<?> field, TicketListQuery query) {
        return query.descending() ? field.desc() : field.asc();
    }
}
