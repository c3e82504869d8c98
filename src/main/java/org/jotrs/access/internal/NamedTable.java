package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.ROLES;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jotrs.access.AgentAdministration.Named;
import org.jotrs.access.AgentAdministration.NamedInput;
import org.jotrs.platform.Validity;
import org.jotrs.platform.db.schema.tables.PermissionGroups;

/**
 * OTRS's {@code permission_groups} (or {@code groups}) and {@code roles}: the same columns, so one
 * piece of code reads and writes both.
 *
 * @param what how messages name a row ({@code group}, {@code role})
 */
record NamedTable(String what, Table<?> table, Field<Integer> id, Field<String> name, Field<String> comments,
        Field<Short> validId, Field<LocalDateTime> createTime, Field<Integer> createBy, Field<LocalDateTime> changeTime,
        Field<Integer> changeBy) {

    static NamedTable groups(PermissionGroups groups) {
        return new NamedTable("group", groups, groups.ID, groups.NAME, groups.COMMENTS, groups.VALID_ID,
                groups.CREATE_TIME, groups.CREATE_BY, groups.CHANGE_TIME, groups.CHANGE_BY);
    }

    static NamedTable roles() {
        return new NamedTable("role", ROLES, ROLES.ID, ROLES.NAME, ROLES.COMMENTS, ROLES.VALID_ID,
                ROLES.CREATE_TIME, ROLES.CREATE_BY, ROLES.CHANGE_TIME, ROLES.CHANGE_BY);
    }

    List<Named> all(DSLContext db) {
        return db.select(id, name, comments, validId).from(table).orderBy(DSL.lower(name), id).fetch(this::toNamed);
    }

    Optional<Named> find(DSLContext db, int rowId) {
        return db.select(id, name, comments, validId).from(table).where(id.eq(rowId)).fetchOptional(this::toNamed);
    }

    /** Names are unique in OTRS's schema; compared case-insensitively so "Sales" and "sales" cannot both exist. */
    boolean nameTaken(DSLContext db, String candidate, Integer exceptId) {
        Condition condition = DSL.lower(name).eq(candidate.toLowerCase(Locale.ROOT));
        if (exceptId != null) {
            condition = condition.and(id.ne(exceptId));
        }
        return db.fetchExists(table, condition);
    }

    int insert(DSLContext db, Clock clock, NamedInput input, int actorId) {
        LocalDateTime now = LocalDateTime.now(clock);
        return db.insertInto(table)
                .set(name, input.name().strip())
                .set(comments, blankToNull(input.comment()))
                .set(validId, (short) input.validity().id())
                .set(createTime, now)
                .set(createBy, actorId)
                .set(changeTime, now)
                .set(changeBy, actorId)
                .returningResult(id)
                .fetchSingle(id);
    }

    void update(DSLContext db, Clock clock, int rowId, NamedInput input, int actorId) {
        db.update(table)
                .set(name, input.name().strip())
                .set(comments, blankToNull(input.comment()))
                .set(validId, (short) input.validity().id())
                .set(changeTime, LocalDateTime.now(clock))
                .set(changeBy, actorId)
                .where(id.eq(rowId))
                .execute();
    }

    private Named toNamed(Record r) {
        return new Named(r.get(id), r.get(name), Optional.ofNullable(r.get(comments)).orElse(""),
                Validity.fromId(r.get(validId).intValue()).orElse(Validity.INVALID));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
