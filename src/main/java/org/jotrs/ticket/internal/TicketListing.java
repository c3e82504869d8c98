package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
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
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jotrs.access.AgentRef;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.access.PermissionDenied;
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

    static final int PAGE_SIZE = 25;
    private static final short VALID = 1;

    private final DSLContext db;
    private final AccessService access;
    private final TicketLookups lookups;
    private final QueueViewing queueViewing;
    private final Clock clock;

    TicketListing(DSLContext db, AccessService access, TicketLookups lookups, QueueViewing queueViewing, Clock clock) {
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
            throw new PermissionDenied(Permission.RO, "read this queue");
        }
        Condition readable = TICKET.QUEUE_ID.in(queueIds).or(TICKET.USER_ID.eq(actorId))
                .or(TICKET.RESPONSIBLE_USER_ID.eq(actorId));
        Condition condition = switch (query.view()) {
            case QUEUE -> TICKET.QUEUE_ID.in(queueIds);
            case STATUS -> readable;
            case LOCKED -> TICKET.USER_ID.eq(actorId).and(TICKET.TICKET_LOCK_ID.ne(lookups.lockId("unlock")));
            case RESPONSIBLE -> TICKET.RESPONSIBLE_USER_ID.eq(actorId).and(readable);
            case WATCHED -> TICKET.ID.in(DSL.select(TICKET_WATCHER.TICKET_ID).from(TICKET_WATCHER)
                    .where(TICKET_WATCHER.USER_ID.eq(actorId))).and(readable);
        };
        condition = condition.and(filters(query));

        int total = defaultQueueView(query) ? queueViewing.openCount(queueIds, query.queueId())
                : db.fetchCount(TICKET, condition);
        int page = Math.max(0, Math.min(query.page(), Math.max(0, (total - 1) / PAGE_SIZE)));
        List<TicketList.Row> rows = db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, QUEUE.NAME, TICKET_STATE.NAME,
                        TICKET_PRIORITY.NAME, TICKET.CUSTOMER_USER_ID, USERS.LOGIN, TICKET_LOCK_TYPE.NAME,
                        TICKET.CREATE_TIME, TICKET.CHANGE_TIME)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .join(TICKET_LOCK_TYPE).on(TICKET_LOCK_TYPE.ID.eq(TICKET.TICKET_LOCK_ID))
                .leftJoin(USERS).on(USERS.ID.eq(TICKET.USER_ID))
                .where(condition)
                .orderBy(order(query))
                .limit(PAGE_SIZE)
                .offset(page * PAGE_SIZE)
                .fetch(r -> new TicketList.Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), !"unlock".equals(r.value9()), r.value10(), r.value11()));
        List<AgentRef> owners = access.validAgents();
        return new TicketList(query.onPage(page), rows, PAGE_SIZE, total, queues,
                lookups.states().stream().map(State::name).toList(), lookups.priorities(), owners);
    }

    /** The queue view as it opens: not-closed tickets, no other filter; its count is already known. */
    private static boolean defaultQueueView(TicketListQuery query) {
        return query.view() == View.QUEUE && query.states() == TicketListQuery.StateFilter.NOT_CLOSED
                && query.state() == null && query.priority() == null && query.ownerId() == null
                && query.age() == TicketListQuery.Age.ANY;
    }

    private Condition filters(TicketListQuery query) {
        Condition condition = DSL.noCondition();
        if (query.queueId() != null) {
            condition = condition.and(TICKET.QUEUE_ID.eq(query.queueId()));
        }
        if (query.state() != null && !query.state().isBlank()) {
            condition = condition.and(TICKET.TICKET_STATE_ID.in(DSL.select(TICKET_STATE.ID).from(TICKET_STATE)
                    .where(TICKET_STATE.NAME.eq(query.state()))));
        } else {
            condition = switch (query.states()) {
                case NOT_CLOSED -> condition.and(TICKET.TICKET_STATE_ID.in(stateIds(QueueViewing.OPEN_STATE_TYPES)));
                case CLOSED -> condition.and(TICKET.TICKET_STATE_ID.in(stateIds(List.of("closed"))));
                case ALL -> condition;
            };
        }
        if (query.priority() != null && !query.priority().isBlank()) {
            condition = condition.and(TICKET.TICKET_PRIORITY_ID.in(DSL.select(TICKET_PRIORITY.ID).from(TICKET_PRIORITY)
                    .where(TICKET_PRIORITY.NAME.eq(query.priority()))));
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

    private static final Map<TicketListQuery.Sort, Field<?>> COLUMNS = Map.of(
            TicketListQuery.Sort.NUMBER, TICKET.TN,
            TicketListQuery.Sort.TITLE, TICKET.TITLE,
            TicketListQuery.Sort.QUEUE, QUEUE.NAME,
            TicketListQuery.Sort.STATE, TICKET_STATE.NAME,
            TicketListQuery.Sort.PRIORITY, TICKET.TICKET_PRIORITY_ID,
            TicketListQuery.Sort.CUSTOMER, TICKET.CUSTOMER_USER_ID,
            TicketListQuery.Sort.OWNER, USERS.LOGIN,
            TicketListQuery.Sort.CREATED, TICKET.CREATE_TIME,
            TicketListQuery.Sort.CHANGED, TICKET.CHANGE_TIME);

    /** The chosen column, then the id, so pages never overlap when values tie. */
    private static List<SortField<?>> order(TicketListQuery query) {
        Field<?> column = COLUMNS.get(query.sort());
        return query.descending() ? List.of(column.desc(), TICKET.ID.desc()) : List.of(column.asc(), TICKET.ID.asc());
    }
}
