package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.springframework.stereotype.Service;

@Service
class AgentPermissions implements AccessService {

    private static final short VALID = 1;

    private final DSLContext db;
    private final DatabaseSchema schema;

    AgentPermissions(DSLContext db, DatabaseSchema schema) {
        this.db = db;
        this.schema = schema;
    }

    @Override
    public Map<String, Set<Permission>> effectivePermissions(int agentId) {
        PermissionGroups groups = schema.permissionGroups();
        var direct = db.select(groups.NAME, GROUP_USER.PERMISSION_KEY)
                .from(GROUP_USER)
                .join(groups).on(groups.ID.eq(GROUP_USER.GROUP_ID))
                .where(GROUP_USER.USER_ID.eq(agentId))
                .and(groups.VALID_ID.eq(VALID));
        var viaRoles = db.select(groups.NAME, GROUP_ROLE.PERMISSION_KEY)
                .from(ROLE_USER)
                .join(ROLES).on(ROLES.ID.eq(ROLE_USER.ROLE_ID))
                .join(GROUP_ROLE).on(GROUP_ROLE.ROLE_ID.eq(ROLE_USER.ROLE_ID))
                .join(groups).on(groups.ID.eq(GROUP_ROLE.GROUP_ID))
                .where(ROLE_USER.USER_ID.eq(agentId))
                .and(ROLES.VALID_ID.eq(VALID))
                .and(groups.VALID_ID.eq(VALID))
                // OTRS keeps revoked role permissions as rows with permission_value 0.
                .and(GROUP_ROLE.PERMISSION_VALUE.eq((short) 1));
        Map<String, Set<Permission>> permissions = new TreeMap<>();
        direct.unionAll(viaRoles).forEach(row -> Permission.fromKey(row.value2()).ifPresent(permission ->
                permissions.computeIfAbsent(row.value1(), group -> EnumSet.noneOf(Permission.class))
                        .addAll(permission.implied())));
        return permissions;
    }
}
