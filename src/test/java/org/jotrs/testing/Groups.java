package org.jotrs.testing;

import org.jooq.DSLContext;

/** Test groups made with plain SQL, as the admin screen would leave them. */
public final class Groups {

    private Groups() {
    }

    /** A valid group; returns its id. */
    public static int group(DSLContext db, String name) {
        db.execute("INSERT INTO permission_groups (name, comments, valid_id, create_time, create_by, change_time, change_by)"
                + " VALUES (?, '', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)", name);
        return db.fetchSingle("SELECT id FROM permission_groups WHERE name = ?", name).get(0, Integer.class);
    }
}
