package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AgentPreferences;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.Messages;
import org.jotrs.platform.AuditLog.Change;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notification choices are stored the way OTRS 6's NotificationEvent preference does: the key
 * {@code NotificationTransport} holding a JSON object {@code {"Notification-<id>-Email": 1}},
 * so an OTRS installation sharing the database reads the same choices.
 */
@Service
class StoredAgentPreferences implements AgentPreferences {

    static final String LANGUAGE = "UserLanguage";
    static final String TIME_ZONE = "UserTimeZone";
    static final String THEME = "UserTheme";
    static final String NOTIFICATIONS = "NotificationTransport";

    private static final Pattern EMAIL_CHOICE = Pattern.compile("\"Notification-(\\d+)-Email\"\\s*:\\s*\"?1\"?");

    private final DSLContext db;
    private final Clock clock;
    private final UserPreferenceStore store;
    private final AgentRecords agents;
    private final OtrsPasswordHashes hashes;
    private final AuditLog audit;
    private final int passwordMinLength;

    StoredAgentPreferences(DSLContext db, Clock clock, UserPreferenceStore store, AgentRecords agents,
            OtrsPasswordHashes hashes, AuditLog audit, SecurityProperties security) {
        this.db = db;
        this.clock = clock;
        this.store = store;
        this.agents = agents;
        this.hashes = hashes;
        this.audit = audit;
        this.passwordMinLength = security.passwordMinLength();
    }

    @Override
    @Transactional(readOnly = true)
    public Settings settings(int agentId) {
        Map<String, String> stored = store.get(agentId, List.of(LANGUAGE, TIME_ZONE, THEME, NOTIFICATIONS));
        return new Settings(
                Objects.requireNonNullElse(AgentPreferences.supportedLanguage(stored.get(LANGUAGE)), LANGUAGES.getFirst()),
                zone(stored.get(TIME_ZONE)).getId(),
                offered(THEMES, stored.get(THEME)),
                parseNotifications(stored.get(NOTIFICATIONS)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<NotificationChoice> notificationChoices() {
        return db.select(NOTIFICATION_EVENT.ID, NOTIFICATION_EVENT.NAME).from(NOTIFICATION_EVENT)
                .where(NOTIFICATION_EVENT.VALID_ID.eq((short) 1))
                .orderBy(NOTIFICATION_EVENT.NAME)
                .fetch(r -> new NotificationChoice(r.value1(), r.value2()));
    }

    @Override
    @Transactional
    public void saveSettings(int agentId, Settings settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (settings.language() == null || !LANGUAGES.contains(settings.language())) {
            errors.put("language", Messages.t("access.preferences.error.language"));
        }
        if (settings.timeZone() == null || !validZone(settings.timeZone())) {
            errors.put("timeZone", Messages.t("access.preferences.error.time-zone"));
        }
        if (settings.theme() == null || !THEMES.contains(settings.theme())) {
            errors.put("theme", Messages.t("access.preferences.error.theme"));
        }
        Set<Integer> known = notificationChoices().stream().map(NotificationChoice::id).collect(Collectors.toSet());
        if (!known.containsAll(settings.notifications())) {
            errors.put("notifications", Messages.t("access.preferences.error.notifications"));
        }
        if (!errors.isEmpty()) {
            throw AccessChangeRefused.invalid(errors);
        }
        Settings before = settings(agentId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(LANGUAGE, settings.language());
        values.put(TIME_ZONE, settings.timeZone());
        values.put(THEME, settings.theme());
        values.put(NOTIFICATIONS, notificationJson(known, settings.notifications()));
        store.set(agentId, values);
        audit.record(agentId, "preferences", loginOf(agentId), "update", java.util.Arrays.asList(
                Change.of("language", before.language(), settings.language()),
                Change.of("time zone", before.timeZone(), settings.timeZone()),
                Change.of("theme", before.theme(), settings.theme()),
                Change.of("notifications", new TreeSet<>(before.notifications()), new TreeSet<>(settings.notifications()))));
    }

    @Override
    @Transactional
    public void changePassword(int agentId, String currentPassword, String newPassword, String repeatedPassword) {
        Map<String, String> errors = new LinkedHashMap<>();
        String stored = agents.passwordHash(agentId).orElse("");
        if (currentPassword == null || !hashes.verify(currentPassword, stored)) {
            errors.put("currentPassword", Messages.t("access.preferences.error.wrong-password"));
        }
        String fresh = newPassword == null ? "" : newPassword;
        if (fresh.length() < passwordMinLength) {
            errors.put("newPassword", Messages.t("access.preferences.error.password-too-short", passwordMinLength));
        } else if (!fresh.equals(repeatedPassword)) {
            errors.put("repeatedPassword", Messages.t("access.preferences.error.passwords-differ"));
        }
        if (!errors.isEmpty()) {
            throw AccessChangeRefused.invalid(errors);
        }
        agents.setPasswordHash(agentId, hashes.hash(fresh), agentId);
        audit.record(agentId, "agent", loginOf(agentId), "password", List.of(Change.secret("password")));
    }

    @Override
    @Transactional(readOnly = true)
    public String theme(int agentId) {
        return offered(THEMES, store.get(agentId, List.of(THEME)).get(THEME));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<String> ownSetting(int agentId, String key) {
        requireOwnKey(key);
        return java.util.Optional.ofNullable(store.get(agentId, List.of(key)).get(key));
    }

    @Override
    @Transactional
    public void saveOwnSetting(int agentId, String key, String value) {
        requireOwnKey(key);
        store.set(agentId, Map.of(key, value));
    }

    /** OTRS's own preferences are changed only through {@link #saveSettings}, with their checks. */
    private static void requireOwnKey(String key) {
        if (key == null || !key.startsWith("Jotrs")) {
            throw new IllegalArgumentException("not a Jotrs setting: " + key);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public LocaleChoice localeChoice(int agentId) {
        Map<String, String> stored = store.get(agentId, List.of(LANGUAGE, TIME_ZONE));
        return new LocaleChoice(AgentPreferences.supportedLanguage(stored.get(LANGUAGE)), zone(stored.get(TIME_ZONE)));
    }

    @Override
    @Transactional(readOnly = true)
    public ZoneId timeZone(int agentId) {
        return zone(store.get(agentId, List.of(TIME_ZONE)).get(TIME_ZONE));
    }

    /** The stored value when it is one of the offered ones (OTRS may have stored others), else the default. */
    private static String offered(List<String> choices, String stored) {
        return stored != null && choices.contains(stored) ? stored : choices.getFirst();
    }

    private String loginOf(int agentId) {
        return "agent " + agents.find(agentId).map(a -> a.login()).orElse(String.valueOf(agentId));
    }

    private ZoneId zone(String id) {
        return id != null && validZone(id) ? ZoneId.of(id) : clock.getZone();
    }

    /** Region ids only (Europe/Berlin, UTC), as OTRS offers them; offsets like +02:00 ignore daylight saving. */
    static boolean validZone(String id) {
        return ZoneId.getAvailableZoneIds().contains(id);
    }

    static Set<Integer> parseNotifications(String json) {
        Set<Integer> ids = new TreeSet<>();
        if (json == null) {
            return ids;
        }
        Matcher matcher = EMAIL_CHOICE.matcher(json);
        while (matcher.find()) {
            ids.add(Integer.parseInt(matcher.group(1)));
        }
        return ids;
    }

    /** Every known notification with 1 or 0, as OTRS writes it (unchecked ones are stored as 0). */
    static String notificationJson(Set<Integer> known, Set<Integer> chosen) {
        List<String> entries = new ArrayList<>();
        for (int id : new TreeSet<>(known)) {
            entries.add("\"Notification-" + id + "-Email\":" + (chosen.contains(id) ? 1 : 0));
        }
        return "{" + String.join(",", entries) + "}";
    }
}
