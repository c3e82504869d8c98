package org.jotrs.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jooq.DSLContext;

/** Test agents and queues made with plain SQL, as an admin screen would leave them. */
public final class Agents {

    private Agents() {
    }

    /** The password of every agent made here: OTRS's unsalted sha256 form, which sign-in accepts. */
    public static String passwordOf(String login) {
        return "pw-" + login;
    }

    /** A valid agent; returns its id. */
    public static int agent(DSLContext db, String login, String firstName, String lastName) {
        db.execute("INSERT INTO users (login, pw, first_name, last_name, valid_id, create_time, create_by, change_time,"
                + " change_by) VALUES (?, ?, ?, ?, 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)",
                login, sha256(passwordOf(login)), firstName, lastName);
        return db.fetchSingle("SELECT id FROM users WHERE login = ?", login).get(0, Integer.class);
    }

    /** Grants the agent a permission on a group directly. */
    public static void grant(DSLContext db, int agentId, int groupId, String permission) {
        db.execute("INSERT INTO group_user (user_id, group_id, permission_key, create_time, create_by, change_time,"
                + " change_by) VALUES (?, ?, ?, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)", agentId, groupId, permission);
    }

    /** A queue in the given group; returns its id. */
    public static int queue(DSLContext db, String name, int groupId) {
        db.execute("INSERT INTO queue (name, group_id, system_address_id, salutation_id, signature_id, follow_up_id,"
                + " follow_up_lock, unlock_timeout, comments, valid_id, create_by, create_time, change_by, change_time)"
                + " VALUES (?, ?, 1, 1, 1, 1, 0, 0, '', 1, 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)", name, groupId);
        return db.fetchSingle("SELECT id FROM queue WHERE name = ?", name).get(0, Integer.class);
    }

    /** The customer user 'carla' of ACME, whom phone tickets can be opened for. */
    public static void customerCarla(DSLContext db) {
        db.execute("INSERT INTO customer_user (login, email, customer_id, first_name, last_name, valid_id, create_time,"
                + " create_by, change_time, change_by) VALUES ('carla', 'carla@example.com', 'ACME', 'Carla', 'Customer',"
                + " 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
