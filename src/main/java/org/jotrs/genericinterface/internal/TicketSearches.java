package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.search.InvalidSearch;
import org.jotrs.search.SearchRequest;
import org.jotrs.search.SearchResult;
import org.jotrs.search.TicketSearch;
import org.jotrs.ticket.CustomerTicketAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TicketSearch: OTRS's search parameters that Jotrs knows, applied to the tickets the caller may
 * read (an agent: owner, responsible or {@code ro} on the queue's group, as the agent interface;
 * a customer user: theirs or their company's). {@code Fulltext} goes through the search module's
 * index (for agents). A name that matches nothing (queue, state, priority, type, lock) is refused
 * with {@code TicketSearch.InvalidParameter} rather than silently widening or emptying the search.
 */
@Component
class TicketSearches {

    private static final String OP = "TicketSearch";

    private final DSLContext db;
    private final AccessService access;
    private final TicketSearch search;
    private final GiProperties properties;
    private final Clock clock;
    private final CustomerTicketAccess customerRule;

    TicketSearches(DSLContext db, AccessService access, TicketSearch search, GiProperties properties, Clock clock,
            CustomerTicketAccess customerRule) {
        this.customerRule = customerRule;
        this.db = db;
        this.access = access;
        this.search = search;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<String> search(GiCaller caller, Map<String, Object> data) {
        List<Condition> where = new ArrayList<>();
        if (caller.customer()) {
            where.add(customerRule.visibleTo(caller.customerLogin()));
        } else {
            Set<Integer> groups = access.groupsWith(caller.agentId(), Permission.RO);
            where.add(QUEUE.GROUP_ID.in(groups).or(TICKET.USER_ID.eq(caller.agentId()))
                    .or(TICKET.RESPONSIBLE_USER_ID.eq(caller.agentId())));
        }
        List<String> numbers = GiParams.list(data, "TicketNumber");
        if (!numbers.isEmpty()) {
            where.add(DSL.or(numbers.stream().map(n -> like(TICKET.TN, n)).toList()));
        }
        List<String> titles = GiParams.list(data, "Title");
        if (!titles.isEmpty()) {
            where.add(DSL.or(titles.stream().map(t -> like(DSL.lower(TICKET.TITLE), t.toLowerCase(Locale.ROOT))).toList()));
        }
        byIdsOrNames(where, data, "QueueIDs", "Queues", TICKET.QUEUE_ID, QUEUE.NAME, "Queue");
        byIdsOrNames(where, data, "StateIDs", "States", TICKET.TICKET_STATE_ID.cast(Integer.class), TICKET_STATE.NAME, "State");
        byIdsOrNames(where, data, "PriorityIDs", "Priorities", TICKET.TICKET_PRIORITY_ID.cast(Integer.class),
                TICKET_PRIORITY.NAME, "Priority");
        byIdsOrNames(where, data, "TypeIDs", "Types", TICKET.TYPE_ID.cast(Integer.class), TICKET_TYPE.NAME, "Type");
        byIdsOrNames(where, data, "LockIDs", "Locks", TICKET.TICKET_LOCK_ID.cast(Integer.class), TICKET_LOCK_TYPE.NAME, "Lock");
        List<String> stateTypes = GiParams.list(data, "StateType");
        if (!stateTypes.isEmpty()) {
            List<Condition> any = new ArrayList<>();
            for (String type : stateTypes) {
                // OTRS's two special words: Open is every viewable state type, Closed every closed one.
                if (type.equalsIgnoreCase("Open")) {
                    any.add(TICKET_STATE_TYPE.NAME.notIn("closed", "removed", "merged"));
                } else if (type.equalsIgnoreCase("Closed")) {
                    any.add(TICKET_STATE_TYPE.NAME.eq("closed"));
                } else if (db.fetchExists(db.selectOne().from(TICKET_STATE_TYPE).where(TICKET_STATE_TYPE.NAME.eq(type)))) {
                    any.add(TICKET_STATE_TYPE.NAME.eq(type));
                } else {
                    throw GiError.invalid(OP, "StateType '" + type + "' is unknown!");
                }
            }
            where.add(DSL.or(any));
        }
        List<Integer> stateTypeIds = ids(data, "StateTypeIDs");
        if (!stateTypeIds.isEmpty()) {
            where.add(TICKET_STATE.TYPE_ID.cast(Integer.class).in(stateTypeIds));
        }
        List<Integer> owners = ids(data, "OwnerIDs");
        if (!owners.isEmpty()) {
            where.add(TICKET.USER_ID.in(owners));
        }
        List<Integer> responsibles = ids(data, "ResponsibleIDs");
        if (!responsibles.isEmpty()) {
            where.add(TICKET.RESPONSIBLE_USER_ID.in(responsibles));
        }
        List<String> customerIds = GiParams.list(data, "CustomerID");
        if (!customerIds.isEmpty()) {
            where.add(DSL.or(customerIds.stream().map(c -> like(TICKET.CUSTOMER_ID, c)).toList()));
        }
        List<String> customerUsers = GiParams.list(data, "CustomerUserLogin");
        if (!customerUsers.isEmpty()) {
            where.add(DSL.or(customerUsers.stream()
                    .map(c -> like(DSL.lower(TICKET.CUSTOMER_USER_ID), c.toLowerCase(Locale.ROOT))).toList()));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        times(where, data, "TicketCreateTime", TICKET.CREATE_TIME, now);
        times(where, data, "TicketChangeTime", TICKET.CHANGE_TIME, now);
        times(where, data, "TicketLastChangeTime", TICKET.CHANGE_TIME, now);
        String fulltext = GiParams.text(data, "Fulltext");
        String limitText = GiParams.text(data, "Limit");
        int limit = properties.searchLimit();
        if (limitText != null) {
            Integer parsed = GiParams.id(limitText);
            if (parsed == null || parsed < 1) {
                throw GiError.invalid(OP, "Limit parameter is invalid!");
            }
            limit = parsed;
        }
        if (fulltext != null) {
            if (caller.customer()) {
                throw GiError.invalid(OP, "Fulltext is available to agents only in Jotrs!");
            }
            where.add(TICKET.ID.in(fulltextMatches(caller.agentId(), fulltext)));
        }
        List<SortField<?>> order = order(data);
        return db.select(TICKET.ID).from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .leftJoin(TICKET_TYPE).on(TICKET_TYPE.ID.eq(TICKET.TYPE_ID))
                .join(TICKET_LOCK_TYPE).on(TICKET_LOCK_TYPE.ID.eq(TICKET.TICKET_LOCK_ID))
                .join(USERS).on(USERS.ID.eq(TICKET.USER_ID))
                .where(where)
                .orderBy(order)
                .limit(limit)
                .fetch(r -> String.valueOf(r.value1()));
    }

    /** The tickets the index finds for the words (all of them, the agent's permission applied there too). */
    private Set<Long> fulltextMatches(int agentId, String text) {
        Set<Long> ids = new LinkedHashSet<>();
        try {
            SearchRequest request = SearchRequest.of(text);
            for (int page = 0; page < 50; page++) {
                SearchResult result = search.search(agentId, request.withPage(page, SearchRequest.MAX_PAGE_SIZE));
                result.hits().forEach(hit -> ids.add(hit.ticketId()));
                if (result.hits().size() < SearchRequest.MAX_PAGE_SIZE) {
                    break;
                }
            }
        } catch (InvalidSearch e) {
            throw GiError.invalid(OP, "Fulltext parameter is invalid! (" + e.getMessage() + ")");
        }
        return ids.isEmpty() ? Set.of(-1L) : ids;
    }

    private static final Map<String, Field<?>> SORT_FIELDS = Map.ofEntries(
            Map.entry("Age", TICKET.CREATE_TIME), Map.entry("Changed", TICKET.CHANGE_TIME),
            Map.entry("TicketNumber", TICKET.TN), Map.entry("Title", TICKET.TITLE), Map.entry("Queue", QUEUE.NAME),
            Map.entry("State", TICKET_STATE.NAME), Map.entry("Priority", TICKET.TICKET_PRIORITY_ID),
            Map.entry("Type", TICKET_TYPE.NAME), Map.entry("Lock", TICKET_LOCK_TYPE.NAME), Map.entry("Owner", USERS.LOGIN),
            Map.entry("Responsible", TICKET.RESPONSIBLE_USER_ID), Map.entry("CustomerID", TICKET.CUSTOMER_ID),
            Map.entry("PendingTime", TICKET.UNTIL_TIME), Map.entry("EscalationTime", TICKET.ESCALATION_TIME),
            Map.entry("EscalationUpdateTime", TICKET.ESCALATION_UPDATE_TIME),
            Map.entry("EscalationResponseTime", TICKET.ESCALATION_RESPONSE_TIME),
            Map.entry("EscalationSolutionTime", TICKET.ESCALATION_SOLUTION_TIME));

    /**
     * SortBy and OrderBy, each a value or a list (sub-sorting); OTRS's defaults Age and Down. OTRS
     * sorts Age by the creation time, so "Down" (the default) puts the newest ticket first.
     */
    private static List<SortField<?>> order(Map<String, Object> data) {
        List<String> sortBy = GiParams.list(data, "SortBy");
        List<String> orderBy = GiParams.list(data, "OrderBy");
        if (sortBy.isEmpty()) {
            sortBy = List.of("Age");
        }
        List<SortField<?>> order = new ArrayList<>();
        for (int i = 0; i < sortBy.size(); i++) {
            Field<?> field = SORT_FIELDS.get(sortBy.get(i));
            if (field == null) {
                throw GiError.invalid(OP, "SortBy '" + sortBy.get(i) + "' is invalid!");
            }
            String direction = i < orderBy.size() ? orderBy.get(i) : orderBy.isEmpty() ? "Down" : orderBy.get(0);
            if (!direction.equals("Up") && !direction.equals("Down")) {
                throw GiError.invalid(OP, "OrderBy '" + direction + "' is invalid! (Up or Down)");
            }
            order.add(direction.equals("Up") ? field.asc() : field.desc());
        }
        order.add(TICKET.ID.desc());
        return order;
    }

    private void byIdsOrNames(List<Condition> where, Map<String, Object> data, String idsKey, String namesKey,
            Field<Integer> idField, Field<String> nameField, String what) {
        List<Integer> ids = ids(data, idsKey);
        if (!ids.isEmpty()) {
            where.add(idField.in(ids));
        }
        List<String> names = GiParams.list(data, namesKey);
        if (!names.isEmpty()) {
            org.jooq.Table<?> table = ((org.jooq.TableField<?, String>) nameField).getTable();
            for (String name : names) {
                if (!db.fetchExists(db.selectOne().from(table).where(nameField.eq(name)))) {
                    throw GiError.invalid(OP, what + " '" + name + "' is unknown!");
                }
            }
            where.add(nameField.in(names));
        }
    }

    private static List<Integer> ids(Map<String, Object> data, String key) {
        List<Integer> ids = new ArrayList<>();
        for (String value : GiParams.list(data, key)) {
            Integer id = GiParams.id(value);
            if (id == null) {
                throw GiError.invalid(OP, key + " parameter is invalid!");
            }
            ids.add(id);
        }
        return ids;
    }

    /** {@code <prefix>NewerDate/OlderDate} (YYYY-MM-DD hh:mm:ss) and {@code NewerMinutes/OlderMinutes}. */
    private static void times(List<Condition> where, Map<String, Object> data, String prefix,
            Field<LocalDateTime> field, LocalDateTime now) {
        String newerDate = GiParams.text(data, prefix + "NewerDate");
        if (newerDate != null) {
            where.add(field.ge(date(prefix + "NewerDate", newerDate)));
        }
        String olderDate = GiParams.text(data, prefix + "OlderDate");
        if (olderDate != null) {
            where.add(field.le(date(prefix + "OlderDate", olderDate)));
        }
        String newerMinutes = GiParams.text(data, prefix + "NewerMinutes");
        if (newerMinutes != null) {
            where.add(field.ge(now.minusMinutes(minutes(prefix + "NewerMinutes", newerMinutes))));
        }
        String olderMinutes = GiParams.text(data, prefix + "OlderMinutes");
        if (olderMinutes != null) {
            where.add(field.le(now.minusMinutes(minutes(prefix + "OlderMinutes", olderMinutes))));
        }
    }

    private static LocalDateTime date(String key, String text) {
        try {
            return LocalDateTime.parse(text.length() == 10 ? text + " 00:00:00" : text, TicketReads.OTRS_TIME);
        } catch (DateTimeParseException e) {
            throw GiError.invalid(OP, key + " parameter is invalid! (YYYY-MM-DD hh:mm:ss)");
        }
    }

    private static long minutes(String key, String text) {
        if (!text.matches("-?\\d{1,9}")) {
            throw GiError.invalid(OP, key + " parameter is invalid!");
        }
        return Long.parseLong(text);
    }

    /** OTRS's wildcard: {@code *} matches anything; without one the value must match exactly. */
    private static Condition like(Field<String> field, String value) {
        if (!value.contains("*")) {
            return field.eq(value);
        }
        String pattern = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
        return field.like(pattern, '\\');
    }
}
