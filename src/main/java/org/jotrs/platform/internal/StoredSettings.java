package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_SETTING;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.Administrators;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.Setting;
import org.jotrs.platform.Settings;
import org.jotrs.platform.db.schema.tables.records.JotrsSettingRecord;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@link Settings} on {@code jotrs_setting}. The defaults are read once at start-up from the
 * environment (so {@code application.yml}, environment variables and arguments all work), and a
 * start-up fails when a declared setting has no default or one its type refuses. Stored values
 * are read once per web request (one small query) and on every call outside requests.
 */
@Component
class StoredSettings implements Settings {

    private static final String REQUEST_MEMO = StoredSettings.class.getName() + ".values";

    private final DSLContext db;
    private final AuditLog audit;
    private final Administrators administrators;
    private final Clock clock;
    private final Map<String, Setting> declared = new LinkedHashMap<>();
    private final Map<String, String> defaults = new HashMap<>();

    StoredSettings(DSLContext db, AuditLog audit, Administrators administrators, Clock clock, List<Setting> settings,
            Environment environment) {
        this.db = db;
        this.audit = audit;
        this.administrators = administrators;
        this.clock = clock;
        for (Setting setting : settings) {
            if (declared.put(setting.key(), setting) != null) {
                throw new IllegalStateException("The setting " + setting.key() + " is declared twice");
            }
            String fallback = environment.getProperty(setting.defaultProperty());
            if (fallback == null) {
                throw new IllegalStateException("The setting " + setting.key() + " has no default: set "
                        + setting.defaultProperty() + " in application.yml");
            }
            try {
                defaults.put(setting.key(), setting.type().check(fallback));
            } catch (Setting.RefusedValue refused) {
                throw new IllegalStateException(setting.defaultProperty() + " = '" + fallback + "': " + refused.getMessage());
            }
        }
    }

    @Override
    public String text(String key) {
        Setting setting = declared(key);
        String stored = storedValues().get(key);
        return stored != null && fits(setting, stored) ? stored : defaults.get(key);
    }

    @Override
    @Transactional(readOnly = true)
    public List<State> list(int actorId, String search) {
        administrators.requireAdministrator(actorId);
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Map<String, JotrsSettingRecord> rows = rows();
        return declared.values().stream()
                .filter(s -> needle.isEmpty() || (s.key() + " " + s.title() + " " + s.group() + " " + s.description())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Setting::group).thenComparing(Setting::key))
                .map(s -> state(s, rows.get(s.key())))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public State state(int actorId, String key) {
        administrators.requireAdministrator(actorId);
        Setting setting = declared(key);
        return state(setting, db.selectFrom(JOTRS_SETTING).where(JOTRS_SETTING.SETTING_KEY.eq(key)).fetchOne());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Obsolete> obsolete(int actorId) {
        administrators.requireAdministrator(actorId);
        return rows().values().stream()
                .filter(r -> !declared.containsKey(r.getSettingKey()))
                .sorted(Comparator.comparing(JotrsSettingRecord::getSettingKey))
                .map(r -> new Obsolete(r.getSettingKey(), r.getSettingValue(), r.getChangeTime()))
                .toList();
    }

    @Override
    @Transactional
    public void change(int actorId, String key, String value, long seenVersion) {
        administrators.requireAdministrator(actorId);
        Setting setting = declared(key);
        String checked;
        try {
            checked = setting.type().check(value);
        } catch (Setting.RefusedValue refused) {
            throw InvalidInput.of("value", refused.getMessage());
        }
        store(actorId, setting, checked, seenVersion, "update");
    }

    @Override
    @Transactional
    public void reset(int actorId, String key, long seenVersion) {
        administrators.requireAdministrator(actorId);
        store(actorId, declared(key), null, seenVersion, "reset");
    }

    @Override
    @Transactional
    public void removeObsolete(int actorId, String key) {
        administrators.requireAdministrator(actorId);
        if (declared.containsKey(key)) {
            throw InvalidInput.of("key", Messages.t("validation.setting.exists-reset", key));
        }
        JotrsSettingRecord row = db.selectFrom(JOTRS_SETTING).where(JOTRS_SETTING.SETTING_KEY.eq(key)).forUpdate().fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.stored-setting", key);
        }
        db.deleteFrom(JOTRS_SETTING).where(JOTRS_SETTING.SETTING_KEY.eq(key)).execute();
        audit.record(actorId, "setting", key, "remove", List.of(Change.of("value", row.getSettingValue(), null)));
    }

    private void store(int actorId, Setting setting, String value, long seenVersion, String action) {
        String before = currentForAudit(setting);
        LocalDateTime now = LocalDateTime.now(clock);
        if (seenVersion == 0) {
            int inserted = db.insertInto(JOTRS_SETTING)
                    .set(JOTRS_SETTING.SETTING_KEY, setting.key())
                    .set(JOTRS_SETTING.SETTING_VALUE, value)
                    .set(JOTRS_SETTING.VERSION, 1L)
                    .set(JOTRS_SETTING.CHANGE_TIME, now)
                    .set(JOTRS_SETTING.CHANGE_BY, actorId)
                    .onDuplicateKeyIgnore()
                    .execute();
            if (inserted == 0) {
                throw new ChangedMeanwhile(setting.key());
            }
        } else {
            int updated = db.update(JOTRS_SETTING)
                    .set(JOTRS_SETTING.SETTING_VALUE, value)
                    .set(JOTRS_SETTING.VERSION, seenVersion + 1)
                    .set(JOTRS_SETTING.CHANGE_TIME, now)
                    .set(JOTRS_SETTING.CHANGE_BY, actorId)
                    .where(JOTRS_SETTING.SETTING_KEY.eq(setting.key()), JOTRS_SETTING.VERSION.eq(seenVersion))
                    .execute();
            if (updated == 0) {
                throw new ChangedMeanwhile(setting.key());
            }
        }
        String after = value == null ? defaults.get(setting.key()) + " (default)" : value;
        audit.record(actorId, "setting", setting.key(), action, List.of(Change.of("value", before, after)));
        forgetRequestMemo();
    }

    private String currentForAudit(Setting setting) {
        String stored = db.select(JOTRS_SETTING.SETTING_VALUE).from(JOTRS_SETTING)
                .where(JOTRS_SETTING.SETTING_KEY.eq(setting.key())).fetchOne(JOTRS_SETTING.SETTING_VALUE);
        return stored != null && fits(setting, stored) ? stored : defaults.get(setting.key()) + " (default)";
    }

    private State state(Setting setting, JotrsSettingRecord row) {
        String fallback = defaults.get(setting.key());
        if (row == null) {
            return new State(setting, fallback, fallback, false, 0, null, null);
        }
        String stored = row.getSettingValue();
        String problem = null;
        if (stored != null && !fits(setting, stored)) {
            problem = Messages.t("settings.stored-value-unfit", stored);
        }
        boolean changed = stored != null && problem == null;
        return new State(setting, changed ? stored : fallback, fallback, changed, row.getVersion(), row.getChangeTime(),
                problem);
    }

    private Setting declared(String key) {
        Setting setting = key == null ? null : declared.get(key);
        if (setting == null) {
            throw new NoSuchEntry("not-found.setting", String.valueOf(key));
        }
        return setting;
    }

    private static boolean fits(Setting setting, String value) {
        try {
            return setting.type().check(value).equals(value);
        } catch (Setting.RefusedValue refused) {
            return false;
        }
    }

    private Map<String, JotrsSettingRecord> rows() {
        Map<String, JotrsSettingRecord> rows = new HashMap<>();
        db.selectFrom(JOTRS_SETTING).forEach(r -> rows.put(r.getSettingKey(), r));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> storedValues() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object memo = request.getAttribute(REQUEST_MEMO, RequestAttributes.SCOPE_REQUEST);
            if (memo != null) {
                return (Map<String, String>) memo;
            }
        }
        Map<String, String> values = new HashMap<>();
        db.select(JOTRS_SETTING.SETTING_KEY, JOTRS_SETTING.SETTING_VALUE).from(JOTRS_SETTING)
                .where(JOTRS_SETTING.SETTING_VALUE.isNotNull())
                .forEach(r -> values.put(r.value1(), r.value2()));
        if (request != null) {
            request.setAttribute(REQUEST_MEMO, values, RequestAttributes.SCOPE_REQUEST);
        }
        return values;
    }

    private static void forgetRequestMemo() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(REQUEST_MEMO, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
