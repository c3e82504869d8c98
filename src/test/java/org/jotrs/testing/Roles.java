package org.jotrs.testing;

import org.jooq.DSLContext;

/** Test roles made with plain SQL, as OTRS's role screens leave them ({@code roles}, {@code role_user}, {@code group_role}). */
public final class Roles {

    private Roles() {
    }

    /** A valid role; returns its id. */
    public static int role(DSLContext db, String name) {
        db.execute("INSERT INTO roles (name, comments, valid_id, create_time, create_by, change_time, change_by)"
                + " VALUES (?, '', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)", name);
        return db.fetchSingle("SELECT id FROM roles WHERE name = ?", name).get(0, Integer.class);
    }

    /** Makes the agent a member of the role. */
    public static void member(DSLContext db, int roleId, int agentId) {
        db.execute("INSERT INTO role_user (user_id, role_id, create_time, create_by, change_time, change_by)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)", agentId, roleId);
    }

    /** Grants the role a permission on a group ({@code permission_value} 1). */
    public static void grant(DSLContext db, int roleId, int groupId, String permission) {
        permission(db, roleId, groupId, permission, 1);
    }

    /** A {@code group_role} row as OTRS writes it when a permission is taken away: {@code permission_value} 0. */
    public static void revoked(DSLContext db, int roleId, int groupId, String permission) {
        permission(db, roleId, groupId, permission, 0);
    }

    private static void permission(DSLContext db, int roleId, int groupId, String permission, int value) {
        db.execute("INSERT INTO group_role (role_id, group_id, permission_key, permission_value, create_time, create_by,"
                + " change_time, change_by) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)",
                roleId, groupId, permission, value);
    }
}
