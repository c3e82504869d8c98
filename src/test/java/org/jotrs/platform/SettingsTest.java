package org.jotrs.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;
import static org.jotrs.platform.db.schema.Tables.JOTRS_SETTING;

import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.Agents;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.RunningJotrs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runtime settings on every database: typed, audited, version-checked, administrators only. The
 * methods share one application per database and touch different settings.
 */
class SettingsTest {

    private static final int ROOT = 1;
    private static final String PAGE_SIZE = "ticket.list.page-size";
    private static final String SUGGESTIONS = "customer.suggestions";
    private static final AppPerDatabase APPS = new AppPerDatabase();

    @AfterAll
    static void stop() {
        APPS.close();
    }

    @OnEveryDatabase
    void changesAreTypedAuditedAndVersionChecked(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        Settings settings = jotrs.bean(Settings.class);
        DSLContext db = jotrs.bean(DSLContext.class);
        assertThat(settings.number(PAGE_SIZE)).isEqualTo(25);
        assertThat(settings.state(ROOT, PAGE_SIZE).version()).isZero();

        settings.change(ROOT, PAGE_SIZE, " 50 ", 0);
        assertThat(settings.number(PAGE_SIZE)).isEqualTo(50);
        Settings.State changed = settings.state(ROOT, PAGE_SIZE);
        assertThat(changed.changed()).isTrue();
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.defaultValue()).isEqualTo("25");

        // wrong type, out of range, NUL: refused, old value kept, nothing audited for them
        assertThatThrownBy(() -> settings.change(ROOT, PAGE_SIZE, "many", 1)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("whole number from 10 to 500");
        assertThatThrownBy(() -> settings.change(ROOT, PAGE_SIZE, "5000", 1)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("from 10 to 500");
        assertThatThrownBy(() -> settings.change(ROOT, "ticket.subject.re", "R\0E", 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> settings.change(ROOT, "ticket.no.such", "1", 0)).isInstanceOf(NoSuchEntry.class);
        assertThat(settings.number(PAGE_SIZE)).isEqualTo(50);

        // a second administrator who saw version 0 does not overwrite the first one's change
        assertThatThrownBy(() -> settings.change(ROOT, PAGE_SIZE, "75", 0)).isInstanceOf(Settings.ChangedMeanwhile.class);
        assertThatThrownBy(() -> settings.reset(ROOT, PAGE_SIZE, 7)).isInstanceOf(Settings.ChangedMeanwhile.class);
        assertThat(settings.number(PAGE_SIZE)).isEqualTo(50);

        settings.reset(ROOT, PAGE_SIZE, 1);
        assertThat(settings.number(PAGE_SIZE)).isEqualTo(25);
        assertThat(settings.state(ROOT, PAGE_SIZE).changed()).isFalse();
        assertThat(settings.state(ROOT, PAGE_SIZE).version()).isEqualTo(2);

        assertThat(db.select(JOTRS_AUDIT_LOG.ACTION, JOTRS_AUDIT_LOG.CHANGES).from(JOTRS_AUDIT_LOG)
                .where(JOTRS_AUDIT_LOG.OBJECT_TYPE.eq("setting"), JOTRS_AUDIT_LOG.OBJECT_KEY.eq(PAGE_SIZE))
                .orderBy(JOTRS_AUDIT_LOG.ID).fetch(r -> r.value1() + " " + r.value2().strip()))
                .containsExactly("update value\t25 (default)\t50", "reset value\t50\t25 (default)");
    }

    @OnEveryDatabase
    void valuesThatNoLongerFitAndSettingsThatNoLongerExistAreShownAndIgnored(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        Settings settings = jotrs.bean(Settings.class);
        DSLContext db = jotrs.bean(DSLContext.class);
        // as an upgrade might leave them: a value out of the new range, a removed setting
        storeRaw(db, SUGGESTIONS, "500");
        storeRaw(db, "ticket.gone.setting", "old");

        assertThat(settings.number(SUGGESTIONS)).isEqualTo(10);
        assertThat(settings.state(ROOT, SUGGESTIONS).problem()).contains("no longer fits");
        assertThat(settings.obsolete(ROOT)).extracting(Settings.Obsolete::key).containsExactly("ticket.gone.setting");
        assertThatThrownBy(() -> settings.removeObsolete(ROOT, PAGE_SIZE)).isInstanceOf(InvalidInput.class);

        settings.removeObsolete(ROOT, "ticket.gone.setting");
        assertThat(settings.obsolete(ROOT)).isEmpty();
        assertThat(db.fetchCount(JOTRS_AUDIT_LOG, JOTRS_AUDIT_LOG.OBJECT_KEY.eq("ticket.gone.setting"))).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "H2")
    void onlyAdministratorsSeeOrChangeSettings(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        Settings settings = jotrs.bean(Settings.class);
        DSLContext db = jotrs.bean(DSLContext.class);
        int agent = Agents.agent(db, "plain", "Plain", "Agent");
        Agents.grant(db, agent, 1, "rw");

        assertThatThrownBy(() -> settings.change(agent, PAGE_SIZE, "50", 0)).isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> settings.list(agent, "")).isInstanceOf(PermissionDenied.class);
        assertThat(db.fetchCount(JOTRS_SETTING, JOTRS_SETTING.CHANGE_BY.eq(agent))).isZero();
        assertThat(settings.list(ROOT, "tickets per page")).extracting(s -> s.setting().key()).containsExactly(PAGE_SIZE);
        assertThat(settings.list(ROOT, "REPLY PREFIX")).extracting(s -> s.setting().key())
                .containsExactly("ticket.subject.re");
    }

    private static void storeRaw(DSLContext db, String key, String value) {
        db.insertInto(JOTRS_SETTING).set(JOTRS_SETTING.SETTING_KEY, key).set(JOTRS_SETTING.SETTING_VALUE, value)
                .set(JOTRS_SETTING.VERSION, 1L).set(JOTRS_SETTING.CHANGE_TIME, LocalDateTime.now())
                .set(JOTRS_SETTING.CHANGE_BY, ROOT).execute();
    }
}
