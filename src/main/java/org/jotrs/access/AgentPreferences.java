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

    /**
     * The languages Jotrs's pages exist in, as OTRS's {@code UserLanguage} codes (so an adopted OTRS
     * database keeps each agent's language); English first, the default.
     */
    List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt_BR", "pl", "ru", "tr", "ja",
            "zh_CN", "ko", "ar_SA", "he");

    /**
     * The offered language for an OTRS language code or a browser's language tag, or null when
     * none fits: {@code de_CH} and {@code de-AT} become {@code de}, {@code pt} becomes
     * {@code pt_BR}, {@code ar} becomes {@code ar_SA}, {@code iw} (Java's old Hebrew) becomes
     * {@code he}; {@code zh_TW} stays unmatched, as Simplified Chinese is not what it asks for.
     */
    static String supportedLanguage(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String normal = code.strip().replace('-', '_');
        for (String language : LANGUAGES) {
            if (language.equalsIgnoreCase(normal)) {
                return language;
            }
        }
        String[] parts = normal.split("_", 2);
        String base = parts[0].toLowerCase(java.util.Locale.ROOT);
        if (base.equals("iw")) {
            base = "he";
        }
        if (base.equals("zh")) {
            String region = parts.length > 1 ? parts[1].toUpperCase(java.util.Locale.ROOT) : "";
            return region.isEmpty() || region.startsWith("HANS") || region.equals("CN") || region.equals("SG") ? "zh_CN" : null;
        }
        for (String language : LANGUAGES) {
            if (language.split("_", 2)[0].equals(base)) {
                return language;
            }
        }
        return null;
    }

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

    /**
     * What a page needs to speak the agent's language and show their times, in one read.
     *
     * @param language the agent's stored language when it is one Jotrs offers (see
     *     {@link #supportedLanguage}), else null: the browser's choice applies then
     * @param timeZone the agent's zone, or the server's when none (or an unknown one) is stored
     */
    record LocaleChoice(String language, ZoneId timeZone) {
    }

    /** The agent's language and zone, cheap enough to ask on every page. */
    LocaleChoice localeChoice(int agentId);

    /**
     * A setting Jotrs keeps for the agent beside OTRS's (such as the columns of the ticket lists),
     * in {@code user_preferences} under a key starting with {@code Jotrs}; empty when never set.
     *
     * @throws IllegalArgumentException for a key that does not start with {@code Jotrs}
     */
    java.util.Optional<String> ownSetting(int agentId, String key);

    /**
     * Stores such a setting, replacing the previous value (not audited: it changes no access).
     *
     * @throws IllegalArgumentException for a key that does not start with {@code Jotrs}
     */
    void saveOwnSetting(int agentId, String key, String value);

    /** The agent's theme, cheap enough to ask on every page. */
    String theme(int agentId);

    /** The zone the agent reads times in. */
    ZoneId timeZone(int agentId);
}
