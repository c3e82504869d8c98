package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_SETTING;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin > Settings over HTTP: search, change with effect on the next request, refusals, reset. */
class SettingsPagesTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        db = jotrs.bean(DSLContext.class);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void theAdminIndexLinksTheSettingsAndTheSearchNarrowsThem() {
        assertThat(root.get("/admin").body()).contains("href=\"/admin/settings\"");
        String all = root.get("/admin/settings").body();
        assertThat(all).contains("ticket.subject.re", "ticket.list.page-size", "customer.suggestions");
        String found = root.get("/admin/settings?q=forward").body();
        assertThat(found).contains("ticket.subject.fwd").doesNotContain("ticket.list.page-size");
    }

    @Test
    void aChangedDefaultStateIsPreselectedOnTheNextRequestAndResetBringsTheDefaultBack() {
        assertThat(root.get("/tickets/new").body()).contains("<option value=\"open\" selected>");
        HttpResponse<String> saved = change("ticket.new.state", "new", "change");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(root.get("/tickets/new").body()).contains("<option value=\"new\" selected>");
        assertThat(root.get("/admin/settings?q=state").body()).contains("Reset to default");

        assertThat(change("ticket.new.state", "", "reset").statusCode()).isEqualTo(302);
        assertThat(root.get("/tickets/new").body()).contains("<option value=\"open\" selected>");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWith422AndTheOldValueStays() {
        HttpResponse<String> refused = change("customer.suggestions", "plenty", "change");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Must be a whole number from 1 to 100.", "The value was not changed.");
        assertThat(db.fetchCount(JOTRS_SETTING, JOTRS_SETTING.SETTING_KEY.eq("customer.suggestions"))).isZero();
    }

    @Test
    void aRefusalIsInTheAdministratorsLanguage() {
        int german = Agents.agent(db, "settings-german", "Greta", "Deutsch");
        int adminGroup = db.select(org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS.ID)
                .from(org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS)
                .where(org.jotrs.platform.db.schema.Tables.PERMISSION_GROUPS.NAME.eq("admin")).fetchSingle().value1();
        Agents.grant(db, german, adminGroup, "rw");
        db.insertInto(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES)
                .set(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES.USER_ID, german)
                .set(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES.PREFERENCES_KEY, "UserLanguage")
                .set(org.jotrs.platform.db.schema.Tables.USER_PREFERENCES.PREFERENCES_VALUE, "de")
                .execute();
        AgentHttp agent = jotrs.agent();
        agent.signIn("settings-german", Agents.passwordOf("settings-german"));
        String page = agent.get("/admin/settings?q=customer.suggestions").body();
        HttpResponse<String> refused = agent.postForm("/admin/settings/change", Map.of("_csrf", AgentHttp.csrfToken(page),
                "key", "customer.suggestions", "value", "reichlich", "version", "0", "q", "", "action", "change"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Muss eine ganze Zahl von 1 bis 100 sein.").doesNotContain("Must be a whole number");
        assertThat(db.fetchCount(JOTRS_SETTING, JOTRS_SETTING.SETTING_KEY.eq("customer.suggestions"))).isZero();
    }

    @Test
    void aChangeBasedOnAnOutdatedPageIsRefusedWith409() {
        String page = root.get("/admin/settings?q=tickets+per+page").body();
        assertThat(change("ticket.list.page-size", "40", "change").statusCode()).isEqualTo(302);
        // a second administrator posts the form of the page loaded before that change
        HttpResponse<String> stale = root.postForm("/admin/settings/change", Map.of("_csrf", AgentHttp.csrfToken(page),
                "key", "ticket.list.page-size", "value", "60", "version", "0", "q", "", "action", "change"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed ticket.list.page-size meanwhile").contains("value=\"40\"");
        assertThat(db.select(JOTRS_SETTING.SETTING_VALUE).from(JOTRS_SETTING)
                .where(JOTRS_SETTING.SETTING_KEY.eq("ticket.list.page-size")).fetchSingle().value1()).isEqualTo("40");
    }

    @Test
    void agentsWhoAreNotAdministratorsAreRefused() {
        int plain = Agents.agent(db, "settings-plain", "Plain", "Agent");
        Agents.grant(db, plain, 1, "rw");
        AgentHttp agent = jotrs.agent();
        agent.signIn("settings-plain", Agents.passwordOf("settings-plain"));
        assertThat(agent.get("/admin/settings").statusCode()).isEqualTo(403);
        String home = agent.get("/").body();
        HttpResponse<String> post = agent.postForm("/admin/settings/change", Map.of("_csrf", AgentHttp.csrfToken(home),
                "key", "ticket.subject.re", "value", "AW", "version", "0", "action", "change"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(JOTRS_SETTING, JOTRS_SETTING.SETTING_KEY.eq("ticket.subject.re"))).isZero();
    }

    private static HttpResponse<String> change(String key, String value, String action) {
        String page = root.get("/admin/settings?q=" + key).body();
        String version = page.replaceAll("(?s).*name=\"key\" value=\"" + java.util.regex.Pattern.quote(key)
                + "\">\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\".*", "$1");
        return root.postForm("/admin/settings/change", Map.of("_csrf", AgentHttp.csrfToken(page), "key", key,
                "value", value, "version", version, "q", "", "action", action));
    }
}
