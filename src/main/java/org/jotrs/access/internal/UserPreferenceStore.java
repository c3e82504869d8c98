package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.USER_PREFERENCES;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * OTRS's {@code user_preferences}: one row per agent and key, replaced as OTRS's
 * {@code SetPreferences} does (delete, then insert), since the table has no unique key.
 */
@Repository
class UserPreferenceStore {

    private final DSLContext db;

    UserPreferenceStore(DSLContext db) {
        this.db = db;
    }

    /** The agent's values for these keys; absent keys are missing from the map. */
    Map<String, String> get(int agentId, Collection<String> keys) {
        Map<String, String> values = new HashMap<>();
        db.select(USER_PREFERENCES.PREFERENCES_KEY, USER_PREFERENCES.PREFERENCES_VALUE)
                .from(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(agentId))
                .and(USER_PREFERENCES.PREFERENCES_KEY.in(keys))
                .forEach(r -> values.put(r.value1(), r.value2()));
        return values;
    }

    /** Replaces the values of these keys; must run inside the caller's transaction. */
    void set(int agentId, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        db.deleteFrom(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(agentId))
                .and(USER_PREFERENCES.PREFERENCES_KEY.in(values.keySet()))
                .execute();
        var insert = db.insertInto(USER_PREFERENCES,
                USER_PREFERENCES.USER_ID, USER_PREFERENCES.PREFERENCES_KEY, USER_PREFERENCES.PREFERENCES_VALUE);
        for (var entry : values.entrySet()) {
            insert = insert.values(agentId, entry.getKey(), entry.getValue());
        }
        insert.execute();
    }
}
