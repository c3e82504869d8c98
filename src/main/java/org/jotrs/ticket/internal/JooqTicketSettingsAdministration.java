package org.jotrs.ticket.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.SchemaFlavor;
import org.jotrs.platform.Validity;
import org.jotrs.ticket.TicketSettingsAdministration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * States, priorities and types in OTRS's lookup tables. Znuny 7 gives states and priorities a
 * NOT NULL color that OTRS 6 does not have, so new rows get Znuny's default color only there.
 */
@Service
class JooqTicketSettingsAdministration implements TicketSettingsAdministration {

    // Znuny's colors for a state or priority nobody picked a color for
    private static final String STATE_COLOR = "#8D8D9BFF";
    private static final String PRIORITY_COLOR = "#CDCDCDFF";

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows rows;
    private final DatabaseSchema schema;

    JooqTicketSettingsAdministration(DSLContext db, AccessService access, AdminRows rows, DatabaseSchema schema) {
        this.db = db;
        this.access = access;
        this.rows = rows;
        this.schema = schema;
    }

    /** The columns one of the three tables shares with the others. */
    private record Columns(Table<? extends Record> table, Field<Short> id, Field<String> name, Field<Short> validId,
            Field<LocalDateTime> createTime, Field<Integer> createBy, Field<LocalDateTime> changeTime,
            Field<Integer> changeBy) {
    }

    private static Columns columns(Setting setting) {
        return switch (setting) {
            case STATE -> new Columns(TICKET_STATE, TICKET_STATE.ID, TICKET_STATE.NAME, TICKET_STATE.VALID_ID,
                    TICKET_STATE.CREATE_TIME, TICKET_STATE.CREATE_BY, TICKET_STATE.CHANGE_TIME, TICKET_STATE.CHANGE_BY);
            case PRIORITY -> new Columns(TICKET_PRIORITY, TICKET_PRIORITY.ID, TICKET_PRIORITY.NAME,
                    TICKET_PRIORITY.VALID_ID, TICKET_PRIORITY.CREATE_TIME, TICKET_PRIORITY.CREATE_BY,
                    TICKET_PRIORITY.CHANGE_TIME, TICKET_PRIORITY.CHANGE_BY);
            case TYPE -> new Columns(TICKET_TYPE, TICKET_TYPE.ID, TICKET_TYPE.NAME, TICKET_TYPE.VALID_ID,
                    TICKET_TYPE.CREATE_TIME, TICKET_TYPE.CREATE_BY, TICKET_TYPE.CHANGE_TIME, TICKET_TYPE.CHANGE_BY);
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> list(int actorId, Setting setting) {
        access.requireAdmin(actorId);
        return entries(setting, DSL.noCondition());
    }

    @Override
    @Transactional(readOnly = true)
    public Entry entry(int actorId, Setting setting, int id) {
        access.requireAdmin(actorId);
        return find(setting, id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StateType> stateTypes(int actorId) {
        access.requireAdmin(actorId);
        return db.select(TICKET_STATE_TYPE.ID, TICKET_STATE_TYPE.NAME).from(TICKET_STATE_TYPE)
                .orderBy(TICKET_STATE_TYPE.ID).fetch(r -> new StateType(r.value1(), r.value2()));
    }

    private List<Entry> entries(Setting setting, Condition condition) {
        if (setting == Setting.STATE) {
            return db.select(TICKET_STATE.ID, TICKET_STATE.NAME, TICKET_STATE.TYPE_ID, TICKET_STATE_TYPE.NAME,
                            TICKET_STATE.COMMENTS, TICKET_STATE.VALID_ID)
                    .from(TICKET_STATE).join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                    .where(condition).orderBy(TICKET_STATE.ID)
                    .fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            SYSTEM_STATES.contains(r.value2())));
        }
        Columns c = columns(setting);
        String protectedName = setting == Setting.PRIORITY ? DEFAULT_PRIORITY : DEFAULT_TYPE;
        return db.select(c.id(), c.name(), c.validId()).from(c.table()).where(condition).orderBy(c.id())
                .fetch(r -> new Entry(r.value1(), r.value2(), 0, null, null, r.value3(), protectedName.equals(r.value2())));
    }

    private Entry find(Setting setting, int id) {
        List<Entry> found = entries(setting, columns(setting).id().eq(shortId(id)));
        if (found.isEmpty()) {
            throw new NoSuchEntry("not-found.ticket-" + setting.key(), String.valueOf(id));
        }
        return found.getFirst();
    }

    @Override
    @Transactional
    public int create(int actorId, Setting setting, Changes changes) {
        access.requireAdmin(actorId);
        Changes clean = validate(setting, changes, null);
        Columns c = columns(setting);
        LocalDateTime now = rows.now();
        var insert = db.insertInto(c.table())
                .set(c.name(), clean.name())
                .set(c.validId(), (short) clean.validId())
                .set(c.createTime(), now).set(c.createBy(), actorId)
                .set(c.changeTime(), now).set(c.changeBy(), actorId);
        boolean colored = schema.flavor() == SchemaFlavor.ZNUNY7;
        switch (setting) {
            case STATE -> {
                insert = insert.set(TICKET_STATE.TYPE_ID, (short) clean.typeId()).set(TICKET_STATE.COMMENTS, clean.comment());
                if (colored) {
                    insert = insert.set(TICKET_STATE.COLOR, STATE_COLOR);
                }
            }
            case PRIORITY -> {
                if (colored) {
                    insert = insert.set(TICKET_PRIORITY.COLOR, PRIORITY_COLOR);
                }
            }
            case TYPE -> {
            }
        }
        int id = insert.returningResult(c.id()).fetchSingle().value1();
        rows.audit(actorId, "ticket-" + setting.key(), setting.key() + " " + clean.name(), "create",
                changes(setting, null, find(setting, id)));
        return id;
    }

    @Override
    @Transactional
    public void update(int actorId, Setting setting, int id, Changes changes) {
        access.requireAdmin(actorId);
        Entry before = find(setting, id);
        Changes clean = validate(setting, changes, before);
        Columns c = columns(setting);
        var update = db.update(c.table())
                .set(c.name(), clean.name())
                .set(c.validId(), (short) clean.validId())
                .set(c.changeTime(), rows.now()).set(c.changeBy(), actorId);
        if (setting == Setting.STATE) {
            update = update.set(TICKET_STATE.TYPE_ID, (short) clean.typeId()).set(TICKET_STATE.COMMENTS, clean.comment());
        }
        update.where(c.id().eq(shortId(id))).execute();
        rows.audit(actorId, "ticket-" + setting.key(), setting.key() + " " + before.name(), "update",
                changes(setting, before, find(setting, id)));
    }

    private Changes validate(Setting setting, Changes in, Entry existing) {
        Columns c = columns(setting);
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), c.name(), t("validation.enter-name"));
        if (name != null && !errors.has("name")) {
            Condition same = DSL.lower(c.name()).eq(name.toLowerCase(Locale.ROOT));
            if (existing != null) {
                same = same.and(c.id().ne(shortId(existing.id())));
            }
            if (db.fetchExists(c.table(), same)) {
                errors.add("name", t("validation.ticket-settings." + setting.key() + ".name-taken", name));
            }
        }
        AdminRows.validity(errors, in.validId());
        String comment = null;
        String typeName = null;
        if (setting == Setting.STATE) {
            comment = errors.optional("comment", in.comment(), TICKET_STATE.COMMENTS);
            typeName = db.select(TICKET_STATE_TYPE.NAME).from(TICKET_STATE_TYPE)
                    .where(TICKET_STATE_TYPE.ID.eq(shortId(in.typeId()))).fetchOne(TICKET_STATE_TYPE.NAME);
            if (typeName == null) {
                errors.add("typeId", t("validation.ticket-settings.choose-state-type"));
            }
        }
        if (existing != null && existing.protectedEntry()) {
            // The state is one Jotrs and OTRS rely on, or the priority or type is the default of new tickets.
            String protectedKey = "validation.ticket-settings." + setting.key() + ".protected-";
            if (name != null && !name.equals(existing.name())) {
                errors.add("name", t(protectedKey + "name", existing.name()));
            }
            if (in.validId() != Validity.VALID.id()) {
                errors.add("validId", t(protectedKey + "valid", existing.name()));
            }
            if (setting == Setting.STATE && typeName != null && in.typeId() != existing.typeId()) {
                errors.add("typeId", t(protectedKey + "type", existing.name()));
            }
        }
        if (existing != null && existing.validId() == Validity.VALID.id()) {
            boolean leavesItsGroup = in.validId() != Validity.VALID.id()
                    || setting == Setting.STATE && in.typeId() != existing.typeId();
            if (leavesItsGroup) {
                lastValidCheck(setting, existing, errors, in.validId() != Validity.VALID.id() ? "validId" : "typeId");
            }
        }
        errors.throwIfAny();
        return new Changes(name, in.typeId(), comment, in.validId());
    }

    /** Refuses to take away the last valid state of an essential type, the last valid priority or type. */
    private void lastValidCheck(Setting setting, Entry existing, InvalidInput.Collector errors, String field) {
        Columns c = columns(setting);
        if (setting == Setting.STATE) {
            if (!ESSENTIAL_STATE_TYPES.contains(existing.typeName())) {
                return;
            }
            boolean another = db.fetchExists(TICKET_STATE, TICKET_STATE.TYPE_ID.eq(shortId(existing.typeId()))
                    .and(TICKET_STATE.VALID_ID.eq(Validity.VALID.id())).and(TICKET_STATE.ID.ne(shortId(existing.id()))));
            if (!another) {
                errors.add(field, t("validation.ticket-settings.state.last-valid", existing.name(), existing.typeName()));
            }
            return;
        }
        boolean another = db.fetchExists(c.table(), c.validId().eq(Validity.VALID.id()).and(c.id().ne(shortId(existing.id()))));
        if (!another) {
            errors.add(field, t("validation.ticket-settings." + setting.key() + ".last-valid", existing.name()));
        }
    }

    private static List<Change> changes(Setting setting, Entry b, Entry a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("name", c ? null : b.name(), a.name()),
                setting == Setting.STATE ? Change.of("type", c ? null : b.typeName(), a.typeName()) : null,
                setting == Setting.STATE ? Change.of("comment", c ? null : b.comment(), a.comment()) : null,
                AdminRows.validityChange(c ? null : b.validId(), a.validId()));
    }

    private static short shortId(int id) {
        return AdminRows.shortId(id);
    }
}
