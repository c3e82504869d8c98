package org.jotrs.access.internal;

import static org.jotrs.platform.Messages.t;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AccessService;
import org.jotrs.access.GroupAndRoleAdministration;
import org.jotrs.access.AgentAdministration.Named;
import org.jotrs.access.AgentAdministration.NamedInput;
import org.jotrs.access.NoSuchAccessObject;
import org.jotrs.access.Permission;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.DatabaseSchema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Permission groups and roles: two OTRS tables of the same shape ({@link NamedTable}), names unique ignoring case. */
@Service
class JooqGroupAndRoleAdministration implements GroupAndRoleAdministration {

    private final DSLContext db;
    private final Clock clock;
    private final AccessService access;
    private final DatabaseSchema schema;
    private final AdministratorGuard guard;
    private final AuditLog audit;
    private final AgentSessions sessions;

    JooqGroupAndRoleAdministration(DSLContext db, Clock clock, AccessService access, DatabaseSchema schema,
            AdministratorGuard guard, AuditLog audit, AgentSessions sessions) {
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.schema = schema;
        this.guard = guard;
        this.audit = audit;
        this.sessions = sessions;
    }

    private NamedTable groupTable() {
        return NamedTable.groups(schema.permissionGroups());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Named> groups(int actorId) {
        access.requireAdmin(actorId);
        return groupTable().all(db);
    }

    @Override
    @Transactional(readOnly = true)
    public Named group(int actorId, int groupId) {
        access.requireAdmin(actorId);
        return existing(groupTable(), groupId);
    }

    @Override
    @Transactional
    public int createGroup(int actorId, NamedInput input) {
        access.requireAdmin(actorId);
        return createNamed(groupTable(), actorId, input);
    }

    @Override
    @Transactional
    public void updateGroup(int actorId, int groupId, NamedInput input) {
        access.requireAdmin(actorId);
        updateNamed(groupTable(), actorId, groupId, input);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Named> roles(int actorId) {
        access.requireAdmin(actorId);
        return NamedTable.roles().all(db);
    }

    @Override
    @Transactional(readOnly = true)
    public Named role(int actorId, int roleId) {
        access.requireAdmin(actorId);
        return existing(NamedTable.roles(), roleId);
    }

    @Override
    @Transactional
    public int createRole(int actorId, NamedInput input) {
        access.requireAdmin(actorId);
        return createNamed(NamedTable.roles(), actorId, input);
    }

    @Override
    @Transactional
    public void updateRole(int actorId, int roleId, NamedInput input) {
        access.requireAdmin(actorId);
        updateNamed(NamedTable.roles(), actorId, roleId, input);
    }

    private Named existing(NamedTable table, int id) {
        return table.find(db, id).orElseThrow(() -> new NoSuchAccessObject(table.what(), id));
    }

    private int createNamed(NamedTable table, int actorId, NamedInput input) {
        NamedInput clean = validate(table, input, null);
        int id = table.insert(db, clock, clean, actorId);
        audit.record(actorId, table.what(), table.what() + " " + clean.name(), "create", java.util.Arrays.asList(
                new Change("name", null, clean.name()),
                Change.of("comment", null, clean.comment().isEmpty() ? null : clean.comment()),
                new Change("validity", null, clean.validity().label())));
        return id;
    }

    private void updateNamed(NamedTable table, int actorId, int id, NamedInput input) {
        Named before = existing(table, id);
        NamedInput clean = validate(table, input, id);
        guard.lock();
        table.update(db, clock, id, clean, actorId);
        audit.record(actorId, table.what(), table.what() + " " + clean.name(), "update", java.util.Arrays.asList(
                Change.of("name", before.name(), clean.name()),
                Change.of("comment", before.comment(), clean.comment()),
                Change.of("validity", before.validity().label(), clean.validity().label())));
        guard.requireAnAdministrator();
        sessions.endWhereAccessIsGone();
    }

    private NamedInput validate(NamedTable table, NamedInput input, Integer id) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(input.name());
        String comment = strip(input.comment());
        if (name.isEmpty()) {
            errors.put("name", t("validation.enter-name"));
        } else if (name.length() > ColumnLimits.length(table.name())) {
            errors.put("name", t("validation.at-most-characters", String.valueOf(ColumnLimits.length(table.name()))));
        }
        if (comment.length() > ColumnLimits.length(table.comments())) {
            errors.put("comment", t("validation.at-most-characters", String.valueOf(ColumnLimits.length(table.comments()))));
        }
        if (input.validity() == null) {
            errors.put("validity", t("validation.choose-validity"));
        }
        if (!errors.isEmpty()) {
            throw AccessChangeRefused.invalid(errors);
        }
        if (table.nameTaken(db, name, id)) {
            throw AccessChangeRefused.conflict("name", t("validation.access.name-taken." + table.what(), name));
        }
        return new NamedInput(name, comment, input.validity());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
