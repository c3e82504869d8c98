package org.jotrs.access;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * An agent's own settings, kept in OTRS's {@code user_preferences} under OTRS's key names
 * ({@code UserLanguage}, {@code UserTimeZone}, {@code NotificationTransport}) plus
 * {@code UserTheme} for Jotrs's light/dark theme, and the agent's own password change. Every
 * agent may use these for themselves; no admin right is needed, and no other agent's settings
 * can be reached through them.
 */
public interface AgentPreferences {

    /** The languages Jotrs's pages exist in. */
    List<String> LANGUAGES = List.of("en");

    /** The themes Jotrs ships ({@code light} is the default stylesheet). */
    List<String> THEMES = List.of("light", "dark");

    /**
     * The agent's settings.
     *
     * @param notifications ids of the OTRS notifications ({@code notification_event}) the agent wants by mail
     */
    record Settings(String language, String timeZone, String theme, Set<Integer> notifications) {
    }

    /** An OTRS ticket notification an agent can choose. */
    record NotificationChoice(int id, String name) {
    }

    /** The stored settings, with defaults for what was never set (English, the server's zone, light, none). */
    Settings settings(int agentId);

    /** The valid OTRS ticket notifications, by name. */
    List<NotificationChoice> notificationChoices();

    /**
     * Stores the settings (one transaction, audited as the agent's own change).
     *
     * @throws AccessChangeRefused for a language, zone, theme or notification that does not exist
     */
    void saveSettings(int agentId, Settings settings);

    /**
     * Changes the agent's own password to OTRS's bcrypt form.
     *
     * @throws AccessChangeRefused when the current password is wrong, the two new ones differ, or
     *     the new one is shorter than the configured minimum (8 by default)
     */
    void changePassword(int agentId, String currentPassword, String newPassword, String repeatedPassword);

    /** The agent's theme, cheap enough to ask on every page. */
    String theme(int agentId);

    /** The zone the agent reads times in. */
    ZoneId timeZone(int agentId);
}
