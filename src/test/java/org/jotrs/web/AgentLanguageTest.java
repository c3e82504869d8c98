package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Which language a page speaks, over HTTP: the agent's OTRS {@code UserLanguage}, else the
 * browser's {@code Accept-Language}, else English; unknown codes fall through, never fail.
 */
class AgentLanguageTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static DSLContext db;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        db = jotrs.bean(DSLContext.class);
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void signInPageFollowsTheBrowserAndFallsBackToEnglish() {
        AgentHttp browser = jotrs.agent();
        assertThat(browser.get("/login").body()).contains("<html lang=\"en\" dir=\"ltr\">").contains(">Sign in<");
        assertThat(browser.get("/login", "ar").body()).contains("<html lang=\"ar-SA\" dir=\"rtl\">").contains("تسجيل الدخول");
        assertThat(browser.get("/login", "he-IL,he;q=0.9").body()).contains("<html lang=\"he\" dir=\"rtl\">");
        assertThat(browser.get("/login", "xx-YY, de-CH;q=0.8, en;q=0.5").body())
                .as("first offered language wins").contains("<html lang=\"de\" dir=\"ltr\">").contains(">Anmelden<");
        assertThat(browser.get("/login", "zh-TW").body()).as("no Simplified Chinese for Taiwan").contains("lang=\"en\"");
        HttpResponse<String> garbage = browser.get("/login", "<script>;q=x,,;");
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).contains("lang=\"en\"");
        assertThat(browser.get("/login?error", "fr").body()).contains("Échec de la connexion");
    }

    @Test
    void theAgentsPreferenceWinsOverTheBrowserAndUnknownCodesFallThrough() {
        int id = Agents.agent(db, "lena", "Lena", "Lang");
        Agents.grant(db, id, 1, "rw");
        AgentHttp lena = jotrs.agent();
        lena.signIn("lena", Agents.passwordOf("lena"));
        assertThat(lena.get("/", "fr").body()).as("no preference: the browser's")
                .contains("lang=\"fr\"").contains("Bienvenue, Lena Lang");

        HttpResponse<String> saved = lena.submit("/preferences", "/preferences",
                Map.of("language", "de", "timeZone", "Europe/Berlin", "theme", "light"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String home = lena.get("/", "fr").body();
        assertThat(home).contains("<html lang=\"de\" dir=\"ltr\">").contains("Willkommen, Lena Lang").contains(">Abmelden<")
                .contains("Europe/Berlin");
        assertThat(lena.get("/preferences").body()).contains("<option value=\"de\" selected>Deutsch</option>")
                .contains(">العربية<");

        storeLanguage(id, "de_CH");
        assertThat(lena.get("/", "fr").body()).as("OTRS's Swiss German").contains("lang=\"de\"");
        storeLanguage(id, "xx_YY");
        assertThat(lena.get("/", "fr").body()).as("an unknown stored code falls through to the browser")
                .contains("lang=\"fr\"");
        assertThat(lena.get("/").body()).contains("lang=\"en\"");

        HttpResponse<String> refused = lena.submit("/preferences", "/preferences",
                Map.of("language", "xx", "timeZone", "Europe/Berlin", "theme", "light"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(db.fetchValue("SELECT preferences_value FROM user_preferences WHERE user_id = ? AND preferences_key = 'UserLanguage'", id))
                .isEqualTo("xx_YY");
    }

    @Test
    void messageArgumentsAreEscaped() {
        AgentHttp root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        String page = root.get("/admin/companies?q=%3Cb%3Ebold%3C%2Fb%3E", "de").body();
        assertThat(page).contains("Keine Firma passt zu „&lt;b&gt;bold&lt;/b&gt;“.").doesNotContain("<b>bold</b>");
    }

    private static void storeLanguage(int agentId, String code) {
        db.execute("DELETE FROM user_preferences WHERE user_id = ? AND preferences_key = 'UserLanguage'", agentId);
        db.execute("INSERT INTO user_preferences (user_id, preferences_key, preferences_value) VALUES (?, 'UserLanguage', ?)",
                agentId, code);
    }
}
