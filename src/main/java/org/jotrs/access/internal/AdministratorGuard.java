package org.jotrs.access.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.GROUP_ROLE;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.ROLE_USER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.Permission;
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
    private final EffectiveGrants grants;

    AdministratorGuard(DSLContext db, DatabaseSchema schema, EffectiveGrants grants) {
        this.db = db;
        this.schema = schema;
        this.grants = grants;
    }

    /** Serialises changes that could remove the last administrator. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock() {
        PermissionGroups groups = schema.permissionGroups();
        db.select(groups.ID).from(groups).where(groups.NAME.eq(ADMIN_GROUP)).forUpdate().fetch();
    }

    /** How many valid agents hold rw on the valid group admin (directly or through a valid role). */
    int administrators() {
        return db.fetchCount(grants.holdersOf(ADMIN_GROUP, Permission.RW));
    }

    /**
     * @throws AccessChangeRefused (a conflict under {@code permissions}) when no administrator is left;
     *     thrown inside the change's transaction, it rolls the change back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void requireAnAdministrator() {
        if (administrators() == 0) {
            throw AccessChangeRefused.conflict("permissions", t("validation.access.last-administrator"));
        }
    }
}
