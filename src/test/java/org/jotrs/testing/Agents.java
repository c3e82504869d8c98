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

    /** A valid agent with the password {@link #passwordOf}; returns its id. */
    public static int agent(DSLContext db, String login, String firstName, String lastName) {
        return anAgent(login).named(firstName, lastName).in(db);
    }

    /**
     * An agent to write with {@link AgentRow#in}: {@code Agents.anAgent("zoe").password("pw").in(db)}.
     * Defaults: named after the login, the password {@link #passwordOf}, valid.
     */
    public static AgentRow anAgent(String login) {
        return new AgentRow(login);
    }

    /** What a {@code users} row gets. */
    public static final class AgentRow {

        private final String login;
        private String firstName;
        private String lastName = "Agent";
        private String password;

        private AgentRow(String login) {
            this.login = login;
            this.firstName = Character.toUpperCase(login.charAt(0)) + login.substring(1);
            this.password = passwordOf(login);
        }

        public AgentRow named(String first, String last) {
            this.firstName = first;
            this.lastName = last;
            return this;
        }

        /** The password to sign in with (stored in OTRS's unsalted sha256 form, which sign-in accepts). */
        public AgentRow password(String raw) {
            this.password = raw;
            return this;
        }

        /** Writes the row; returns the agent's id. */
        public int in(DSLContext db) {
            db.execute("INSERT INTO users (login, pw, first_name, last_name, valid_id, create_time, create_by,"
                    + " change_time, change_by) VALUES (?, ?, ?, ?, 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)",
                    login, sha256(password), firstName, lastName);
            return db.fetchSingle("SELECT id FROM users WHERE login = ?", login).get(0, Integer.class);
        }
    }

    /** Grants the agent a permission on a group directly. */
    public static void grant(DSLContext db, int agentId, int groupId, String permission) {
        db.execute("INSERT INTO group_user (user_id, group_id, permission_key, create_time, create_by, change_time,"
                + " change_by) VALUES (?, ?, ?, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)", agentId, groupId, permission);
    }

    /**
     * An administrator (rw on the group admin) who reads Jotrs in German (OTRS's preference
     * {@code UserLanguage} de), signing in with {@link #passwordOf}; returns the id.
     */
    public static int germanAdministrator(DSLContext db, String login) {
        int id = agent(db, login, "Greta", "Deutsch");
        int adminGroup = db.select(org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS.ID)
                .from(org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS)
                .where(org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS.NAME.eq("admin")).fetchSingle().value1();
        grant(db, id, adminGroup, "rw");
        db.insertInto(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES)
                .set(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES.USER_ID, id)
                .set(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES.PREFERENCES_KEY, "UserLanguage")
                .set(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES.PREFERENCES_VALUE, "de")
                .execute();
        return id;
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
        Customers.aCustomerUser("carla").ofCompany("ACME").in(db);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
