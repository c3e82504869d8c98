package org.jotrs.platform;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The current values of the {@link Setting}s, and their administration. Values are read from
 * {@code jotrs_setting} at most once per web request (and on every call elsewhere), so a change
 * takes effect on the next request of every node without a restart or a cache to clear.
 * Changes are for administrators only, audited (object type {@code setting}) and checked against
 * the version the administrator saw, so two administrators cannot silently overwrite each other.
 */
public interface Settings {

    /** The value of a declared setting: the administrator's, or the default. */
    String text(String key);

    default int number(String key) {
        return Integer.parseInt(text(key));
    }

    default boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /**
     * A setting as the admin screen shows it.
     *
     * @param value the value in effect
     * @param defaultValue the value from {@code application.yml}
     * @param changed whether an administrator's value is in effect
     * @param version what a change must name ({@link #change})
     * @param problem why a stored value is not used (it no longer fits the setting after an upgrade), or null
     */
    record State(Setting setting, String value, String defaultValue, boolean changed, long version,
            LocalDateTime changedAt, String problem) {
    }

    /** A stored value whose setting no longer exists (after an upgrade); it is ignored until removed. */
    record Obsolete(String key, String value, LocalDateTime changedAt) {
    }

    /** The declared settings whose key, title, group or description contain {@code search} (any case), by group and key. */
    List<State> list(int actorId, String search);

    /** One declared setting. @throws NoSuchEntry when it is not declared */
    State state(int actorId, String key);

    /** Stored values of settings that no longer exist. */
    List<Obsolete> obsolete(int actorId);

    /**
     * Sets an administrator's value.
     *
     * @param seenVersion the {@link State#version()} the administrator changed
     * @throws InvalidInput when the type refuses the value (field {@code value}); nothing changes
     * @throws ChangedMeanwhile when someone changed the setting after {@code seenVersion}
     * @throws NoSuchEntry when the setting is not declared
     */
    void change(int actorId, String key, String value, long seenVersion);

    /** Returns to the default value (same checks as {@link #change}). */
    void reset(int actorId, String key, long seenVersion);

    /** Deletes the stored value of a setting that no longer exists. */
    void removeObsolete(int actorId, String key);

    /** Someone else changed the setting since the administrator read it; nothing was changed. */
    final class ChangedMeanwhile extends RuntimeException {

        public ChangedMeanwhile(String key) {
            super(Messages.t("validation.setting.changed-meanwhile", key));
        }
    }
}
