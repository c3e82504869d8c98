package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.FOLLOW_UP_POSSIBLE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.SALUTATION;
import static org.jotrs.platform.db.schema.Tables.SIGNATURE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jotrs.access.AccessService;
import org.jotrs.access.AuditTrail;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqAuditTrail implements AuditTrail {

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog log;
    private final DatabaseSchema schema;

    JooqAuditTrail(DSLContext db, AccessService access, AuditLog log, DatabaseSchema schema) {
        this.db = db;
        this.access = access;
        this.log = log;
        this.schema = schema;
    }

    /** A change field that holds the id of a row with a name, and that row's table. */
    private record NamedIds(String shownAs, Table<?> table, Field<? extends Number> id, Field<String> name) {
    }

    /**
     * The fields whose values the admin screens record as ids (a queue's group, salutation,
     * signature and follow-up option, a system address's or observed site's queue), shown by
     * name: resolved when read, so entries written before keep working, and a renamed row shows
     * its current name.
     */
    private Map<String, NamedIds> namedIds() {
        var groups = schema.permissionGroups();
        NamedIds queue = new NamedIds("queue", QUEUE, QUEUE.ID, QUEUE.NAME);
        return Map.of(
                "groupId", new NamedIds("group", groups, groups.ID, groups.NAME),
                "salutationId", new NamedIds("salutation", SALUTATION, SALUTATION.ID, SALUTATION.NAME),
                "signatureId", new NamedIds("signature", SIGNATURE, SIGNATURE.ID, SIGNATURE.NAME),
                "followUpId", new NamedIds("follow-up", FOLLOW_UP_POSSIBLE, FOLLOW_UP_POSSIBLE.ID, FOLLOW_UP_POSSIBLE.NAME),
                "queueId", queue,
                "queue", queue);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Row> entries(int actorId, String objectType, String text, int page) {
        access.requireAdmin(actorId);
        int total = log.count(objectType, text);
        int current = Page.clamp(page, total, PAGE_SIZE);
        List<AuditLog.Entry> entries = log.recent(objectType, text, current * PAGE_SIZE, PAGE_SIZE);
        Set<Integer> actorIds = entries.stream().map(AuditLog.Entry::actorId).collect(Collectors.toSet());
        Map<Integer, String> names = new HashMap<>();
        db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS).where(USERS.ID.in(actorIds))
                .forEach(r -> names.put(r.value1(), r.value2() + " (" + (r.value3() + " " + r.value4()).strip() + ")"));
        List<AuditLog.Entry> named = withNames(entries);
        return new Page<>(named.stream().map(e -> new Row(e, names.getOrDefault(e.actorId(), "agent #" + e.actorId())))
                .toList(), current, PAGE_SIZE, total);
    }

    /** The entries with ids in {@link #namedIds()} fields replaced by names ("#id" when the row is gone). */
    private List<AuditLog.Entry> withNames(List<AuditLog.Entry> entries) {
        Map<String, NamedIds> fields = namedIds();
        Map<NamedIds, Set<Integer>> wanted = new HashMap<>();
        for (AuditLog.Entry entry : entries) {
            for (AuditLog.Change change : entry.changes()) {
                NamedIds field = fields.get(change.field());
                if (field != null) {
                    Set<Integer> ids = wanted.computeIfAbsent(field, f -> new java.util.HashSet<>());
                    idOf(change.before()).ifPresent(ids::add);
                    idOf(change.after()).ifPresent(ids::add);
                }
            }
        }
        if (wanted.isEmpty()) {
            return entries;
        }
        Map<NamedIds, Map<Integer, String>> names = new HashMap<>();
        wanted.forEach((field, ids) -> {
            Map<Integer, String> known = new HashMap<>();
            db.select(field.id(), field.name()).from(field.table()).where(field.id().in(ids))
                    .forEach(r -> known.put(r.value1().intValue(), r.value2()));
            names.put(field, known);
        });
        return entries.stream().map(entry -> new AuditLog.Entry(entry.id(), entry.at(), entry.actorId(), entry.objectType(),
                entry.objectKey(), entry.action(), entry.changes().stream().map(change -> {
                    NamedIds field = fields.get(change.field());
                    if (field == null) {
                        return change;
                    }
                    Map<Integer, String> known = names.get(field);
                    return new AuditLog.Change(field.shownAs(), named(change.before(), known), named(change.after(), known));
                }).toList())).toList();
    }

    private static java.util.Optional<Integer> idOf(String value) {
        return value != null && value.matches("\\d{1,9}") ? java.util.Optional.of(Integer.valueOf(value)) : java.util.Optional.empty();
    }

    private static String named(String value, Map<Integer, String> known) {
        return idOf(value).map(id -> known.getOrDefault(id, "#" + id)).orElse(value);
    }
}
