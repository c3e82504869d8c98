package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessChangeRefused;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps at least one administrator: a valid agent with {@code rw} on the valid group
 * {@code admin}, directly or through a valid role (OTRS's own administrator test).
 *
 * <p>Changes that can take the right away (grants, memberships, validity of agents, groups and
 * roles, renaming a group) first {@link #lock} the {@code admin} group row, so such changes run
 * one after the other, then make their change and call {@link #requireAnAdministrator} before
 * committing: the check sees the result of every path at once (revoking, invalidating, renaming,
 * leaving a role), and a refusal rolls the whole transaction back, audit entries included.
 */
@Component
class AdministratorGuard {

    static final String ADMIN_GROUP = "admin";

    private final DSLContext db;
    private final DatabaseSchema schema;

    AdministratorGuard(DSLContext db, DatabaseSchema schema) {
        this.db = db;
        this.schema = schema;
    }

    /** Serialises changes that could remove the last administrator. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock() {
        PermissionGroups groups = schema.permissionGroups();
        db.select(groups.ID).from(groups).where(groups.NAME.eq(ADMIN_GROUP)).forUpdate().fetch();
    }

    /** How many valid agents hold rw on the valid group admin. */
    int administrators() {
        PermissionGroups groups = schema.permissionGroups();
        var direct = DSL.select(GROUP_USER.USER_ID).from(GROUP_USER)
                .join(groups).on(groups.ID.eq(GROUP_USER.GROUP_ID))
                .where(groups.NAME.eq(ADMIN_GROUP)).and(groups.VALID_ID.eq((short) 1))
                .and(DSL.lower(GROUP_USER.PERMISSION_KEY).eq("rw"));
        var viaRoles = DSL.select(ROLE_USER.USER_ID).from(ROLE_USER)
                .join(ROLES).on(ROLES.ID.eq(ROLE_USER.ROLE_ID))
                .join(GROUP_ROLE).on(GROUP_ROLE.ROLE_ID.eq(ROLE_USER.ROLE_ID))
                .join(groups).on(groups.ID.eq(GROUP_ROLE.GROUP_ID))
                .where(groups.NAME.eq(ADMIN_GROUP)).and(groups.VALID_ID.eq((short) 1))
                .and(ROLES.VALID_ID.eq((short) 1))
                .and(DSL.lower(GROUP_ROLE.PERMISSION_KEY).eq("rw"))
                .and(GROUP_ROLE.PERMISSION_VALUE.eq((short) 1));
        return db.fetchCount(USERS, USERS.VALID_ID.eq((short) 1)
                .and(USERS.ID.in(direct).or(USERS.ID.in(viaRoles))));
    }

    /**
     * @throws AccessChangeRefused (a conflict under {@code permissions}) when no administrator is left;
     *     thrown inside the change's transaction, it rolls the change back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void requireAnAdministrator() {
        if (administrators() == 0) {
            throw AccessChangeRefused.conflict("permissions", "This change would leave no administrator: at least one"
                    + " valid agent must keep rw on the valid group 'admin' (directly or through a valid role).");
        }
    }
}
