package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectOrderByStep;
import org.jooq.Record5;
import org.jooq.impl.DSL;
import org.jotrs.access.Permission;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.springframework.stereotype.Component;

/**
 * The one query for "an agent's permissions, direct and via roles", OTRS's rule: {@code group_user}
 * rows, plus {@code group_role} rows ({@code permission_value} 1) of the agent's valid roles, on
 * valid groups only; permission keys compare case-insensitively (OTRS writes lower case, but
 * adopted databases and extensions may not), and {@code rw} implies every other permission.
 * {@link AgentPermissions} (what an agent may do), {@link AdministratorGuard} (how many
 * administrators are left) and the admin screen's effective permissions all read through here, so
 * they cannot disagree (issue 11).
 */
@Component
class EffectiveGrants {

    private static final short VALID = 1;

    /** One grant: agent, group, permission key (lower case), and the role it comes through (null when direct). */
    record Grant(int agentId, int groupId, String groupName, Permission permission, String role) {
    }

    private final DSLContext db;
    private final DatabaseSchema schema;

    EffectiveGrants(DSLContext db, DatabaseSchema schema) {
        this.db = db;
        this.schema = schema;
    }

    /** Every grant of one agent (whether the agent is valid is not checked here). */
    List<Grant> of(int agentId) {
        return grants(GROUP_USER.USER_ID.eq(agentId), ROLE_USER.USER_ID.eq(agentId), DSL.noCondition());
    }

    /** Whether the agent holds any permission at all. */
    boolean hasAny(int agentId) {
        return !of(agentId).isEmpty();
    }

    /** Ids of the valid agents holding the permission (or rw) on the group, as a subquery. */
    Select<Record1<Integer>> holdersOf(int groupId, Permission permission) {
        return holders(schema.permissionGroups().ID.eq(groupId), permission);
    }

    /** Ids of the valid agents holding the permission (or rw) on the group of this name, as a subquery. */
    Select<Record1<Integer>> holdersOf(String groupName, Permission permission) {
        return holders(schema.permissionGroups().NAME.eq(groupName), permission);
    }

    private Select<Record1<Integer>> holders(Condition groupCondition, Permission permission) {
        PermissionGroups groups = schema.permissionGroups();
        Set<String> keys = keysGranting(permission);
        var direct = DSL.select(GROUP_USER.USER_ID).from(GROUP_USER)
                .join(groups).on(groups.ID.eq(GROUP_USER.GROUP_ID))
                .where(groups.VALID_ID.eq(VALID)).and(groupCondition)
                .and(DSL.lower(GROUP_USER.PERMISSION_KEY).in(keys));
        var viaRoles = DSL.select(ROLE_USER.USER_ID).from(ROLE_USER)
                .join(ROLES).on(ROLES.ID.eq(ROLE_USER.ROLE_ID))
                .join(GROUP_ROLE).on(GROUP_ROLE.ROLE_ID.eq(ROLE_USER.ROLE_ID))
                .join(groups).on(groups.ID.eq(GROUP_ROLE.GROUP_ID))
                .where(ROLES.VALID_ID.eq(VALID)).and(groups.VALID_ID.eq(VALID)).and(groupCondition)
                // OTRS keeps revoked role permissions as rows with permission_value 0.
                .and(GROUP_ROLE.PERMISSION_VALUE.eq((short) 1))
                .and(DSL.lower(GROUP_ROLE.PERMISSION_KEY).in(keys));
        return DSL.select(USERS.ID).from(USERS).where(USERS.VALID_ID.eq(VALID))
                .and(USERS.ID.in(direct.union(viaRoles)));
    }

    private List<Grant> grants(Condition directAgent, Condition roleAgent, Condition groupCondition) {
        PermissionGroups groups = schema.permissionGroups();
        Field<String> noRole = DSL.inline((String) null, String.class);
        SelectOrderByStep<Record5<Integer, Integer, String, String, String>> direct = db
                .select(GROUP_USER.USER_ID, groups.ID, groups.NAME, GROUP_USER.PERMISSION_KEY, noRole)
                .from(GROUP_USER)
                .join(groups).on(groups.ID.eq(GROUP_USER.GROUP_ID))
                .where(directAgent).and(groups.VALID_ID.eq(VALID)).and(groupCondition);
        var viaRoles = db.select(ROLE_USER.USER_ID, groups.ID, groups.NAME, GROUP_ROLE.PERMISSION_KEY, ROLES.NAME)
                .from(ROLE_USER)
                .join(ROLES).on(ROLES.ID.eq(ROLE_USER.ROLE_ID))
                .join(GROUP_ROLE).on(GROUP_ROLE.ROLE_ID.eq(ROLE_USER.ROLE_ID))
                .join(groups).on(groups.ID.eq(GROUP_ROLE.GROUP_ID))
                .where(roleAgent).and(ROLES.VALID_ID.eq(VALID)).and(groups.VALID_ID.eq(VALID)).and(groupCondition)
                .and(GROUP_ROLE.PERMISSION_VALUE.eq((short) 1));
        List<Grant> grants = new ArrayList<>();
        for (var row : direct.unionAll(viaRoles).fetch()) {
            Permission.fromKey(row.value4()).ifPresent(permission -> grants.add(
                    new Grant(row.value1(), row.value2(), row.value3(), permission, row.value5())));
        }
        return List.copyOf(grants);
    }

    /** The lower-case keys that grant the permission (itself and rw). */
    static Set<String> keysGranting(Permission permission) {
        return permission == Permission.RW ? Set.of("rw") : Set.of(permission.key().toLowerCase(Locale.ROOT), "rw");
    }
}
