package org.jotrs.search.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.search.InvalidSearch;
import org.springframework.stereotype.Component;

/**
 * Names to ids for {@code field:value} terms and filters, and the queues an agent may read. Read
 * on every search, not cached: an admin's rename or a permission change counts at once, and these
 * tables are small.
 */
@Component
class SearchLookups {

    private final DSLContext db;
    private final AccessService access;
    private final org.jotrs.platform.DatabaseSchema schema;

    SearchLookups(DSLContext db, AccessService access, org.jotrs.platform.DatabaseSchema schema) {
        this.db = db;
        this.access = access;
        this.schema = schema;
    }

    /** The queues in groups on which the agent holds {@code ro} (what the ticket module's read check asks). */
    Set<Integer> readableQueues(int agentId) {
        Set<Integer> groups = access.groupsWith(agentId, Permission.RO);
        if (groups.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.select(QUEUE.ID).from(QUEUE).where(QUEUE.GROUP_ID.in(groups)).fetch(QUEUE.ID));
    }

    Set<Integer> queues(String name, boolean prefix) {
        return ids("queue", QUEUE, QUEUE.ID, QUEUE.NAME, name, prefix, Function.identity());
    }

    /** States by name, or by the name of their state type ({@code state:closed} finds every closed state). */
    Set<Integer> states(String name, boolean prefix) {
        String lower = name.toLowerCase(Locale.ROOT);
        Set<Integer> byType = statesOfTypes(List.of(lower));
        if (!byType.isEmpty() && !prefix) {
            return byType;
        }
        Set<Integer> byName = lookup(TICKET_STATE, TICKET_STATE.ID, TICKET_STATE.NAME, name, prefix, Short::intValue);
        byName.addAll(byType);
        if (byName.isEmpty()) {
            throw new InvalidSearch(t("search.error.no-state", name));
        }
        return byName;
    }

    Set<Integer> statesOfTypes(Collection<String> typeNames) {
        if (typeNames.isEmpty()) {
            return Set.of();
        }
        List<String> lower = typeNames.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        return new HashSet<>(db.select(TICKET_STATE.ID).from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(DSL.lower(TICKET_STATE_TYPE.NAME).in(lower))
                .fetch(r -> r.value1().intValue()));
    }

    Set<Integer> priorities(String name, boolean prefix) {
        return ids("priority", TICKET_PRIORITY, TICKET_PRIORITY.ID, TICKET_PRIORITY.NAME, name, prefix,
                Short::intValue);
    }

    Set<Integer> types(String name, boolean prefix) {
        return ids("type", TICKET_TYPE, TICKET_TYPE.ID, TICKET_TYPE.NAME, name, prefix, Short::intValue);
    }

    /** Agents by login; {@code me} is the searching agent. */
    Set<Integer> agents(String login, boolean prefix, int me) {
        if (!prefix && login.equalsIgnoreCase("me")) {
            return Set.of(me);
        }
        return ids("agent", USERS, USERS.ID, USERS.LOGIN, login, prefix, Function.identity());
    }

    /** The choices of the advanced search form: readable queues and every state, type, priority, valid agent. */
    org.jotrs.search.SearchOptions options(int agentId) {
        Set<Integer> readable = readableQueues(agentId);
        List<org.jotrs.search.SearchOptions.Choice> queues = readable.isEmpty() ? List.of()
                : db.select(QUEUE.ID, QUEUE.NAME).from(QUEUE).where(QUEUE.ID.in(readable)).orderBy(QUEUE.NAME)
                        .fetch(r -> new org.jotrs.search.SearchOptions.Choice(r.value1(), r.value2()));
        return new org.jotrs.search.SearchOptions(queues,
                db.select(TICKET_STATE_TYPE.NAME).from(TICKET_STATE_TYPE).orderBy(TICKET_STATE_TYPE.NAME)
                        .fetch(TICKET_STATE_TYPE.NAME),
                db.select(TICKET_STATE.ID, TICKET_STATE.NAME).from(TICKET_STATE).orderBy(TICKET_STATE.NAME)
                        .fetch(r -> new org.jotrs.search.SearchOptions.Choice(r.value1().intValue(), r.value2())),
                db.select(TICKET_PRIORITY.ID, TICKET_PRIORITY.NAME).from(TICKET_PRIORITY).orderBy(TICKET_PRIORITY.NAME)
                        .fetch(r -> new org.jotrs.search.SearchOptions.Choice(r.value1().intValue(), r.value2())),
                db.select(TICKET_TYPE.ID, TICKET_TYPE.NAME).from(TICKET_TYPE).orderBy(TICKET_TYPE.NAME)
                        .fetch(r -> new org.jotrs.search.SearchOptions.Choice(r.value1().intValue(), r.value2())),
                access.validAgents().stream()
                        .map(a -> new org.jotrs.search.SearchOptions.Choice(a.id(), a.label())).toList(),
                shareGroups(agentId));
    }

    private List<org.jotrs.search.SearchOptions.Choice> shareGroups(int agentId) {
        Set<Integer> groups = access.groupsWith(agentId, Permission.RW);
        if (groups.isEmpty()) {
            return List.of();
        }
        var table = schema.permissionGroups();
        return db.select(table.ID, table.NAME).from(table).where(table.ID.in(groups)).orderBy(table.NAME)
                .fetch(r -> new org.jotrs.search.SearchOptions.Choice(r.value1(), r.value2()));
    }

    /** The lock ids that mean "locked" (OTRS: {@code lock} and {@code tmp_lock}). */
    Set<Integer> lockedIds() {
        return new HashSet<>(db.select(TICKET_LOCK_TYPE.ID).from(TICKET_LOCK_TYPE)
                .where(TICKET_LOCK_TYPE.NAME.in("lock", "tmp_lock"))
                .fetch(r -> r.value1().intValue()));
    }

    private <R extends org.jooq.Record, I> Set<Integer> ids(String what, Table<R> table, Field<I> id,
            Field<String> name, String value, boolean prefix, Function<I, Integer> toInt) {
        Set<Integer> found = lookup(table, id, name, value, prefix, toInt);
        if (found.isEmpty()) {
            throw new InvalidSearch(t("search.error.no-" + what, value));
        }
        return found;
    }

    /** Exact name ignoring case; else (or for a prefix) names starting with it. */
    private <R extends org.jooq.Record, I> Set<Integer> lookup(Table<R> table, Field<I> id, Field<String> name,
            String value, boolean prefix, Function<I, Integer> toInt) {
        String lower = value.toLowerCase(Locale.ROOT);
        List<Record2<I, String>> rows = db.select(id, name).from(table).fetch();
        Set<Integer> exact = new HashSet<>();
        Set<Integer> starting = new HashSet<>();
        for (Record2<I, String> row : rows) {
            String candidate = row.value2() == null ? "" : row.value2().toLowerCase(Locale.ROOT);
            if (candidate.equals(lower)) {
                exact.add(toInt.apply(row.value1()));
            }
            if (candidate.startsWith(lower)) {
                starting.add(toInt.apply(row.value1()));
            }
        }
        return !prefix && !exact.isEmpty() ? exact : starting;
    }
}
