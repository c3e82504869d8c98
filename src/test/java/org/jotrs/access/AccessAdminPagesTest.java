package org.jotrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.GROUP_USER;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;
import static org.jotrs.platform.db.schema.Tables.JOTRS_SESSION;
import static org.jotrs.platform.db.schema.Tables.USERS;
import static org.jotrs.platform.db.schema.Tables.USER_PREFERENCES;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.access.AgentAdministration.AgentInput;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Validity;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin and preference pages over HTTP: forms, errors with their status, 403 for non-admins, CSRF, sessions. */
class AccessAdminPagesTest {

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
        jotrs.bean(AgentAdministration.class).createAgent(1, new AgentInput("plain", "Plain", "Agent", "plain@example.com",
                Validity.VALID, "plain-password"));
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void adminCreatesAndEditsAnAgentThroughTheForms() {
        HttpResponse<String> created = root.submit("/admin/agents/new", "/admin/agents", agentForm("mmuster", "Max", "max@example.com", "secret-pw-1"));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(page).matches("/admin/agents/\\d+\\?saved");
        String agentPath = page.replace("?saved", "");
        String edit = root.get(page).body();
        assertThat(edit).contains("Saved.").contains("value=\"mmuster\"").contains("Group permissions").contains("Roles")
                .doesNotContain("secret-pw-1");

        // Duplicate login: 409, the form comes back with the message, nothing written.
        int users = db.fetchCount(USERS);
        HttpResponse<String> duplicate = root.submit("/admin/agents/new", "/admin/agents", agentForm("MMUSTER", "Other", "o@example.com", "secret-pw-2"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("The login “MMUSTER” is already taken").contains("value=\"Other\"");
        // Bad mail address and empty names: 422 with a message per field.
        HttpResponse<String> invalid = root.submit(agentPath, agentPath, agentForm("mmuster", "", "not-an-address", ""));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Enter the first name.").contains("is not a valid mail address");
        assertThat(db.fetchCount(USERS)).isEqualTo(users);
        assertThat(db.select(USERS.FIRST_NAME).from(USERS).where(USERS.LOGIN.eq("mmuster")).fetchSingle(USERS.FIRST_NAME)).isEqualTo("Max");

        // The agent's group matrix on the agent's page.
        int agentId = Integer.parseInt(agentPath.substring(agentPath.lastIndexOf('/') + 1));
        HttpResponse<String> granted = root.submit(agentPath, agentPath + "/groups", Map.of("grant", "1:rw"));
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(db.fetchCount(GROUP_USER, GROUP_USER.USER_ID.eq(agentId))).isEqualTo(1);
        assertThat(root.get(agentPath + "/permissions").body()).contains("users").contains("direct (rw)");
        assertThat(root.get("/admin/agents?q=max%40example").body()).contains("mmuster").doesNotContain(">plain<");
        assertThat(root.get("/admin/audit?type=agent&q=mmuster").body()).contains("root@localhost (Admin OTRS)").contains("mmuster");
    }

    @Test
    void removingTheLastAdministratorIsRefusedWithAConflict() {
        List<Object> before = List.of(db.fetchCount(GROUP_USER), db.fetchCount(JOTRS_AUDIT_LOG));
        HttpResponse<String> response = root.submit("/admin/groups/2", "/admin/groups/2/agents", Map.of("grant", "1:ro"));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("This change would leave no administrator");
        assertThat(List.of(db.fetchCount(GROUP_USER), db.fetchCount(JOTRS_AUDIT_LOG))).isEqualTo(before);
    }

    @Test
    void nonAdminsGetForbiddenEverywhereAndChangeNothing() {
        AgentHttp plain = jotrs.agent();
        plain.signIn("plain", "plain-password");
        for (String path : List.of("/admin", "/admin/agents", "/admin/agents/new", "/admin/agents/1", "/admin/agents/1/permissions",
                "/admin/groups", "/admin/groups/new", "/admin/groups/2", "/admin/roles", "/admin/roles/new",
                "/admin/sessions", "/admin/audit")) {
            assertThat(plain.get(path).statusCode()).as(path).isEqualTo(403);
        }
        List<Object> before = List.of(db.fetchCount(USERS), db.fetchCount(GROUP_USER), db.fetchCount(JOTRS_AUDIT_LOG),
                db.fetchCount(JOTRS_SESSION));
        Map<String, Map<String, String>> posts = new LinkedHashMap<>();
        posts.put("/admin/agents", agentForm("sneaky", "S", "s@example.com", "sneaky-pw-1"));
        posts.put("/admin/agents/1", agentForm("root@localhost", "Admin", "root@localhost", ""));
        posts.put("/admin/groups/2/agents", Map.of("grant", "2:rw"));
        posts.put("/admin/groups", Map.of("name", "mine", "comment", "", "validity", "1"));
        posts.put("/admin/roles/1/agents", Map.of("member", "2"));
        posts.put("/admin/sessions/end", Map.of("fingerprint", "000000000000"));
        posts.forEach((path, form) -> assertThat(plain.submit("/preferences", path, form).statusCode()).as(path).isEqualTo(403));
        assertThat(List.of(db.fetchCount(USERS), db.fetchCount(GROUP_USER), db.fetchCount(JOTRS_AUDIT_LOG),
                db.fetchCount(JOTRS_SESSION))).isEqualTo(before);
        assertThat(plain.get("/").body()).doesNotContain("href=\"/admin\"");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() {
        int users = db.fetchCount(USERS);
        HttpResponse<String> response = root.postForm("/admin/agents", agentForm("nocsrf", "No", "n@example.com", "no-csrf-pw"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(root.postForm("/admin/groups/2/agents", Map.of()).statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(USERS)).isEqualTo(users);
        assertThat(db.fetchCount(GROUP_USER, GROUP_USER.GROUP_ID.eq(2))).isEqualTo(1);
    }

    @Test
    void agentsChangeTheirOwnPreferencesAndPassword() {
        jotrs.bean(AgentAdministration.class).createAgent(1, new AgentInput("prefs", "Pre", "Ferences", "p@example.com",
                Validity.VALID, "first-password"));
        AgentHttp prefs = jotrs.agent();
        prefs.signIn("prefs", "first-password");
        int id = db.select(USERS.ID).from(USERS).where(USERS.LOGIN.eq("prefs")).fetchSingle(USERS.ID);

        Map<String, String> settings = new LinkedHashMap<>(Map.of("language", "en", "timeZone", "Asia/Tokyo", "theme", "dark"));
        settings.put("notification", "1");
        assertThat(prefs.submit("/preferences", "/preferences", settings).statusCode()).isEqualTo(302);
        assertThat(preference(id, "UserTimeZone")).isEqualTo("Asia/Tokyo");
        assertThat(preference(id, "UserTheme")).isEqualTo("dark");
        assertThat(preference(id, "UserLanguage")).isEqualTo("en");
        assertThat(preference(id, "NotificationTransport")).contains("\"Notification-1-Email\":1").contains("\"Notification-2-Email\":0");
        assertThat(prefs.get("/preferences/theme.css").body()).contains("--bg: #14171d");
        assertThat(root.get("/preferences/theme.css").body()).isEmpty();

        HttpResponse<String> badZone = prefs.submit("/preferences", "/preferences", Map.of("language", "en", "timeZone", "Mars/Olympus", "theme", "neon"));
        assertThat(badZone.statusCode()).isEqualTo(422);
        assertThat(badZone.body()).contains("Choose a time zone from the list").contains("Choose light or dark.");
        assertThat(preference(id, "UserTimeZone")).isEqualTo("Asia/Tokyo");

        String hash = db.select(USERS.PW).from(USERS).where(USERS.ID.eq(id)).fetchSingle(USERS.PW);
        HttpResponse<String> wrong = prefs.submit("/preferences", "/preferences/password",
                Map.of("currentPassword", "nope", "newPassword", "short", "repeatedPassword", "short"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("That is not your current password.").contains("at least 8 characters");
        HttpResponse<String> differ = prefs.submit("/preferences", "/preferences/password",
                Map.of("currentPassword", "first-password", "newPassword", "second-password", "repeatedPassword", "second-passw0rd"));
        assertThat(differ.body()).contains("The two new passwords differ.");
        assertThat(db.select(USERS.PW).from(USERS).where(USERS.ID.eq(id)).fetchSingle(USERS.PW)).isEqualTo(hash);
        assertThat(prefs.submit("/preferences", "/preferences/password", Map.of("currentPassword", "first-password",
                "newPassword", "second-password", "repeatedPassword", "second-password")).statusCode()).isEqualTo(302);
        AgentHttp again = jotrs.agent();
        assertThat(again.signIn("prefs", "second-password").headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void adminSeesAndEndsSessions() {
        AgentHttp plain = jotrs.agent();
        plain.signIn("plain", "plain-password");
        assertThat(plain.get("/").statusCode()).isEqualTo(200);
        // A session no agent signed in to (as an earlier Jotrs stored for every visitor of the sign-in page).
        String visitorSession = java.util.UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        db.insertInto(JOTRS_SESSION).set(JOTRS_SESSION.PRIMARY_ID, java.util.UUID.randomUUID().toString())
                .set(JOTRS_SESSION.SESSION_ID, visitorSession).set(JOTRS_SESSION.CREATION_TIME, now)
                .set(JOTRS_SESSION.LAST_ACCESS_TIME, now).set(JOTRS_SESSION.MAX_INACTIVE_INTERVAL, 1800)
                .set(JOTRS_SESSION.EXPIRY_TIME, now + 1_800_000).execute();
        String visitorFingerprint = org.apache.commons.codec.digest.DigestUtils.sha256Hex(visitorSession).substring(0, 12);
        String sessions = root.get("/admin/sessions").body();
        assertThat(sessions).contains("plain").contains("no customer portal yet");
        assertThat(sessions).as("a visitor who has not signed in is nobody to list").doesNotContain(visitorFingerprint);
        String cookie = plain.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JOTRS_AGENT")).findFirst().orElseThrow().getValue();
        String sessionId = new String(java.util.Base64.getDecoder().decode(cookie));
        assertThat(sessions).doesNotContain(sessionId);
        String fingerprint = org.apache.commons.codec.digest.DigestUtils.sha256Hex(sessionId).substring(0, 12);
        assertThat(sessions).contains("<code>" + fingerprint + "</code>");
        assertThat(root.submit("/admin/sessions", "/admin/sessions/end", Map.of("fingerprint", fingerprint)).statusCode()).isEqualTo(302);
        assertThat(plain.get("/").statusCode()).as("signed out").isEqualTo(302);
        assertThat(root.get("/admin/audit?type=session").body()).contains(fingerprint);
    }

    @Test
    void theAuditLogNamesWhatTheAdminScreensRecordedAsIds() {
        org.jotrs.queue.QueueAdministration queues = jotrs.bean(org.jotrs.queue.QueueAdministration.class);
        queues.createQueue(1, new org.jotrs.queue.QueueSettings("Audited", 1, 1, 1, 1, 1, false, 0, 0, 0, 0, null, "", 1));
        String audit = root.get("/admin/audit?type=queue&q=Audited").body();
        assertThat(audit).contains("<strong>group</strong>").contains("→ users").contains("<strong>salutation</strong>")
                .doesNotContain("groupId").doesNotContain("salutationId");
    }

    private static String preference(int agentId, String key) {
        return db.select(USER_PREFERENCES.PREFERENCES_VALUE).from(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(agentId)).and(USER_PREFERENCES.PREFERENCES_KEY.eq(key))
                .fetchSingle(USER_PREFERENCES.PREFERENCES_VALUE);
    }

    private static Map<String, String> agentForm(String login, String firstName, String email, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", login);
        form.put("firstName", firstName);
        form.put("lastName", firstName.isEmpty() ? "" : "Muster");
        form.put("email", email);
        form.put("validity", "1");
        form.put("password", password);
        return form;
    }
}
